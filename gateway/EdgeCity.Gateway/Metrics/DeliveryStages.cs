namespace EdgeCity.Gateway.Metrics;

/// <summary>
/// Where an event's time goes inside the gateway, each stage measured from when its publish reached the
/// gateway: durable (committed, about to be acknowledged to the board), read by the upstream pump, confirmed
/// by upstream (MQTT PUBACK or HTTP 2xx of its batch). On <c>/metrics</c> as
/// <c>edgecity_delivery_stage_seconds{stage=…}</c>; <c>bench gateway</c> prints their percentiles.
/// </summary>
public sealed class DeliveryStages
{
    /// <summary>Received → committed to SQLite (queueing for the writer, the transaction and its fsync).</summary>
    public LatencyHistogram Committed { get; } = new();

    /// <summary>
    /// One writer transaction, begin to commit returned (its inserts, the WAL fsync, and any checkpoint it ran):
    /// one sample per transaction, not per event. A message waits for the one in progress, then for its own.
    /// </summary>
    public LatencyHistogram WriterTransaction { get; } = new();

    /// <summary>Received → read from the outbox by the upstream pump (adds the wait in the outbox).</summary>
    public LatencyHistogram ReadByPump { get; } = new();

    /// <summary>Received → its batch confirmed by upstream (adds sending, the window, and the broker's PUBACK).</summary>
    public LatencyHistogram ConfirmedUpstream { get; } = new();
}
