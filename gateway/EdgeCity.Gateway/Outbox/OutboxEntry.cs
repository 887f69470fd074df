namespace EdgeCity.Gateway.Outbox;

/// <summary>One committed outbox row, as the upstream pump reads it.</summary>
/// <param name="Id">Commit order; forwarding follows it, so every board's events go out in order.</param>
/// <param name="BoardId">The board it came from.</param>
/// <param name="EventKey">Idempotency key, <c>board:boot:seq</c>.</param>
/// <param name="Priority">Telemetry, state change or alarm.</param>
/// <param name="ReceivedAtUnixMs">When the gateway committed it (Unix ms).</param>
/// <param name="Utf8Body">The NGSI-LD entity, JSON in UTF-8.</param>
public sealed record OutboxEntry(long Id, string BoardId, string EventKey, OutboxPriority Priority, long ReceivedAtUnixMs, byte[] Utf8Body);
