namespace EdgeCity.Gateway.Ingest;

/// <summary>What the ingest path has seen since start; shown on /healthz and /metrics.</summary>
public sealed class IngestCounters
{
    private long _accepted;
    private long _duplicates;
    private long _malformed;
    private long _unknownBoards;
    private long _oversized;
    private long _storeFailures;
    private long _topicViolations;
    private long _outboxFull;

    /// <summary>Messages parsed and committed to the store.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Redeliveries recognised by (board, boot, seq) and not applied twice.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Payloads or topics that failed to parse, including topic violations.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Messages from boards not in the inventory.</summary>
    public long UnknownBoards => Interlocked.Read(ref _unknownBoards);

    /// <summary>Payloads over the configured size limit.</summary>
    public long Oversized => Interlocked.Read(ref _oversized);

    /// <summary>Messages refused because the database could not commit them (the board retries).</summary>
    public long StoreFailures => Interlocked.Read(ref _storeFailures);

    /// <summary>Publishes outside the client's own <c>edgecity/{boardId}/</c> (also counted in <see cref="Malformed"/>).</summary>
    public long TopicViolations => Interlocked.Read(ref _topicViolations);

    /// <summary>State changes and alarms not acknowledged because the outbox was full of them (the board retries).</summary>
    public long OutboxFull => Interlocked.Read(ref _outboxFull);

    internal void CountTopicViolation() => Interlocked.Increment(ref _topicViolations);

    internal void CountOutboxFull() => Interlocked.Increment(ref _outboxFull);

    internal void CountAccepted() => Interlocked.Increment(ref _accepted);

    internal void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    internal void CountMalformed() => Interlocked.Increment(ref _malformed);

    internal void CountUnknownBoard() => Interlocked.Increment(ref _unknownBoards);

    internal void CountOversized() => Interlocked.Increment(ref _oversized);

    internal void CountStoreFailure() => Interlocked.Increment(ref _storeFailures);
}
