using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Storage;

namespace EdgeCity.Gateway.Outbox;

/// <summary>One board message waiting for the writer's next transaction, and the ingest call awaiting it.</summary>
internal sealed class PendingCommit(BoardMessage? message, long receivedAtUnixMs, OutboxDraft? draft, long receivedTimestamp = 0)
{
    // Continuations run on the thread that completes it, the acknowledger's (see CommitAcknowledger).
    private readonly TaskCompletionSource<StoreOutcome> _outcome = new();

    /// <summary>Null for a wake-up that only asks the writer to run (forwarded entries to delete).</summary>
    public BoardMessage? Message { get; } = message;

    public long ReceivedAtUnixMs { get; } = receivedAtUnixMs;

    public OutboxDraft? Draft { get; } = draft;

    /// <summary>When the publish reached the gateway (<see cref="System.Diagnostics.Stopwatch"/> ticks), for the commit stage's latency.</summary>
    public long ReceivedTimestamp { get; } = receivedTimestamp;

    public Task<StoreOutcome> Outcome => _outcome.Task;

    public void Complete(StoreOutcome outcome) => _outcome.TrySetResult(outcome);

    public void Fail(Exception exception) => _outcome.TrySetException(exception);
}
