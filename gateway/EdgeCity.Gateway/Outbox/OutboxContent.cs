namespace EdgeCity.Gateway.Outbox;

/// <summary>
/// Entries and bytes in the outbox per priority, as the writer's thread tracks them inside a transaction;
/// published to <see cref="OutboxCounters"/> only after the commit, discarded on a rollback.
/// </summary>
internal sealed class OutboxContent
{
    public long[] Entries { get; } = new long[3];

    public long[] Bytes { get; } = new long[3];

    public long TotalBytes => Bytes[0] + Bytes[1] + Bytes[2];

    public void Add(OutboxPriority priority, long bytes)
    {
        Entries[(int)priority]++;
        Bytes[(int)priority] += bytes;
    }

    public void Remove(OutboxPriority priority, long bytes)
    {
        Entries[(int)priority]--;
        Bytes[(int)priority] -= bytes;
    }

    public void CopyFrom(OutboxContent other)
    {
        other.Entries.CopyTo(Entries, 0);
        other.Bytes.CopyTo(Bytes, 0);
    }
}
