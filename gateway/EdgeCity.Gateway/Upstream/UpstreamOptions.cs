namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// Forwarding to the city platform (section <c>Gateway:Upstream</c>). Validated at start by
/// <see cref="UpstreamOptionsValidator"/>.
/// </summary>
public sealed class UpstreamOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway:Upstream";

    /// <summary>Where to forward: <c>None</c> (default), <c>Mqtt</c> or <c>NgsiLdHttp</c>.</summary>
    public UpstreamKind Kind { get; set; } = UpstreamKind.None;

    /// <summary>The city's MQTT broker, for <see cref="UpstreamKind.Mqtt"/>.</summary>
    public MqttUpstreamOptions Mqtt { get; set; } = new();

    /// <summary>The NGSI-LD context broker, for <see cref="UpstreamKind.NgsiLdHttp"/>.</summary>
    public NgsiLdHttpUpstreamOptions NgsiLd { get; set; } = new();

    /// <summary>
    /// Batches sent and not yet confirmed at any time (1–64, default 8; HTTP always uses 1). Order is kept:
    /// batches go out in commit order over one connection, and after a failure everything from the first
    /// unconfirmed batch is sent again.
    /// </summary>
    public int WindowBatches { get; set; } = 8;

    /// <summary>Most entities in one batch (1–1,000, default 200). At rest a batch holds what is waiting: often one.</summary>
    public int MaxEntitiesPerBatch { get; set; } = 200;

    /// <summary>Most body bytes in one batch (4 KiB – 1 MiB, default 256 KiB).</summary>
    public int MaxBatchBytes { get; set; } = 256 * 1024;

    /// <summary>First delay before reconnecting after a failure, in milliseconds (50–60,000); doubles up to <see cref="ReconnectMaxDelayMs"/>.</summary>
    public int ReconnectMinDelayMs { get; set; } = 250;

    /// <summary>Longest delay between reconnection attempts, in milliseconds (≥ the minimum, ≤ 600,000).</summary>
    public int ReconnectMaxDelayMs { get; set; } = 15_000;
}
