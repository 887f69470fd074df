using System.Text.Json;

namespace EdgeCity.Gateway.Ingest;

/// <summary>A board's message after parsing and checking.</summary>
/// <param name="BoardId">The board that sent it (from the topic, checked against the MQTT client id).</param>
/// <param name="Kind">What the topic says it is.</param>
/// <param name="Boot">The board's boot counter (≥ 1).</param>
/// <param name="Sequence">Counter within the boot (≥ 0); a last will carries none and has −1.</param>
/// <param name="ObservedAtUnixMs">The board's clock when it happened; the last will has the gateway's receive time.</param>
/// <param name="State">For state messages: <c>occupied</c> or <c>free</c>; null otherwise.</param>
/// <param name="Online">For status messages: birth (true) or last will (false).</param>
/// <param name="Firmware">For birth messages: the firmware version.</param>
/// <param name="Payload">The payload as received, kept for the event log.</param>
/// <param name="Alarm">For alarm messages: what happened (<c>shock</c>, <c>vandalism</c>, <c>tilt</c>, …); null otherwise.</param>
public sealed record BoardMessage(
    string BoardId,
    BoardMessageKind Kind,
    long Boot,
    long Sequence,
    long ObservedAtUnixMs,
    string? State,
    bool? Online,
    string? Firmware,
    JsonElement Payload,
    string? Alarm = null)
{
    /// <summary>The payload's UTF-8 bytes as received (for the event log, without re-serialising), when the parser had them.</summary>
    public ReadOnlyMemory<byte> PayloadUtf8 { get; init; }
}
