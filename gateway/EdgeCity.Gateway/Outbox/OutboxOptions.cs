namespace EdgeCity.Gateway.Outbox;

/// <summary>
/// The durable outbox (section <c>Gateway:Outbox</c>): how much it may hold while upstream is away, and how
/// ingest commits are batched. Validated at start by <see cref="OutboxOptionsValidator"/>.
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway:Outbox";

    /// <summary>
    /// Capacity in bytes (64 KiB – 64 GiB, default 512 MiB: hours of a full lot on a Pi's SD card). Over it, the
    /// oldest telemetry goes first; state changes and alarms are never dropped: once only they fill the
    /// outbox, new ones are not acknowledged, so boards keep them and retry.
    /// </summary>
    public long CapacityBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// How long telemetry (heartbeats) may wait for upstream, in seconds (60 – 30 days, default 24 h); older
    /// telemetry is expired and counted. State changes and alarms have no TTL.
    /// </summary>
    public int TelemetryTtlSeconds { get; set; } = 24 * 3600;

    /// <summary>
    /// Most board messages committed in one SQLite transaction (1 – 10,000, default 1,000). One fsync then
    /// covers the whole batch: this is what makes "commit before PUBACK" fast.
    /// </summary>
    public int MaxBatchMessages { get; set; } = 1000;
}
