namespace EdgeCity.Gateway.Outbox;

/// <summary>
/// The outbox's content and everything its overflow policy did since start; shown on <c>/healthz</c> and
/// <c>/metrics</c>. Content figures are updated after each commit.
/// </summary>
public sealed class OutboxCounters
{
    private readonly long[] _entries = new long[3];
    private readonly long[] _bytes = new long[3];
    private long _appended;
    private long _forwarded;
    private long _shedTelemetry;
    private long _droppedNewTelemetry;
    private long _expiredTelemetry;
    private long _refusedFull;
    private long _batches;

    /// <summary>Entries waiting for upstream, of <paramref name="priority"/>.</summary>
    public long Entries(OutboxPriority priority) => Interlocked.Read(ref _entries[(int)priority]);

    /// <summary>Bytes waiting for upstream, of <paramref name="priority"/>.</summary>
    public long Bytes(OutboxPriority priority) => Interlocked.Read(ref _bytes[(int)priority]);

    /// <summary>All entries waiting for upstream.</summary>
    public long TotalEntries => Entries(OutboxPriority.Telemetry) + Entries(OutboxPriority.StateChange) + Entries(OutboxPriority.Alarm);

    /// <summary>All bytes waiting for upstream (compared with <see cref="OutboxOptions.CapacityBytes"/>).</summary>
    public long TotalBytes => Bytes(OutboxPriority.Telemetry) + Bytes(OutboxPriority.StateChange) + Bytes(OutboxPriority.Alarm);

    /// <summary>Entries committed into the outbox.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    /// <summary>Entries confirmed by upstream and removed.</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Old telemetry removed to make room (overflow policy, step 1).</summary>
    public long ShedTelemetry => Interlocked.Read(ref _shedTelemetry);

    /// <summary>New telemetry not queued because only state changes and alarms were left (step 2); still logged locally.</summary>
    public long DroppedNewTelemetry => Interlocked.Read(ref _droppedNewTelemetry);

    /// <summary>Telemetry older than the TTL, removed.</summary>
    public long ExpiredTelemetry => Interlocked.Read(ref _expiredTelemetry);

    /// <summary>State changes and alarms not acknowledged because the outbox was full of them (step 3); the boards retry.</summary>
    public long RefusedFull => Interlocked.Read(ref _refusedFull);

    /// <summary>Transactions committed by the writer (each one fsync).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    internal void SetContent(long[] entries, long[] bytes)
    {
        for (int i = 0; i < 3; i++)
        {
            Interlocked.Exchange(ref _entries[i], entries[i]);
            Interlocked.Exchange(ref _bytes[i], bytes[i]);
        }
    }

    internal void CountBatch(long appended, long forwarded, long shed, long droppedNew, long expired, long refused)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _appended, appended);
        Interlocked.Add(ref _forwarded, forwarded);
        Interlocked.Add(ref _shedTelemetry, shed);
        Interlocked.Add(ref _droppedNewTelemetry, droppedNew);
        Interlocked.Add(ref _expiredTelemetry, expired);
        Interlocked.Add(ref _refusedFull, refused);
    }
}
