using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Parking;

namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// A known bay's <c>ParkingSpot</c> entity with everything but the status, its time and the idempotency key
/// already encoded: a state change, nearly every message a gateway forwards, is then a few copies into one
/// array instead of a <see cref="Utf8JsonWriter"/> run with its buffers and strings. The bytes are the same as
/// <see cref="SmartDataModelRenderer"/>'s general path writes (a test compares them), escaping included.
/// </summary>
internal sealed class ParkingSpotTemplate
{
    private static readonly ConditionalWeakTable<KnownBay, ParkingSpotTemplate> Templates = [];
    private static readonly byte[] ObservedAtPart = Encoding.UTF8.GetBytes("\",\"observedAt\":\"");

    private readonly byte[] _head;
    private readonly byte[] _middle;
    private readonly byte[] _tail;
    private readonly byte[] _boardId;

    private ParkingSpotTemplate(KnownBay bay)
    {
        _boardId = JsonEncodedText.Encode(bay.Id).EncodedUtf8Bytes.ToArray();
        _head = Concat("{\"id\":\"", Encoded("urn:ngsi-ld:ParkingSpot:" + bay.Id), "\",\"type\":\"ParkingSpot\",\"status\":{\"type\":\"Property\",\"value\":\"");
        _middle = Concat("\"},\"name\":{\"type\":\"Property\",\"value\":\"", Encoded(bay.Label),
            "\"},\"refParkingSite\":{\"type\":\"Relationship\",\"object\":\"", Encoded("urn:ngsi-ld:OffStreetParking:" + bay.LotId),
            "\"},\"idempotencyKey\":{\"type\":\"Property\",\"value\":\"");
        var context = new StringBuilder("\"},\"@context\":[");
        for (int i = 0; i < SmartDataModelRenderer.Context.Length; i++)
        {
            context.Append(i == 0 ? "\"" : ",\"").Append(Encoded(SmartDataModelRenderer.Context[i])).Append('"');
        }

        _tail = Encoding.UTF8.GetBytes(context.Append("]}").ToString());
    }

    /// <summary>The template of <paramref name="bay"/>, made on first use.</summary>
    public static ParkingSpotTemplate For(KnownBay bay) => Templates.GetValue(bay, b => new ParkingSpotTemplate(b));

    /// <summary>Renders <paramref name="message"/> (a state change of this bay) with idempotency key <paramref name="key"/>.</summary>
    public OutboxDraft Render(BoardMessage message, string key)
    {
        ReadOnlySpan<byte> status = StatusBytes(message.State);
        Span<byte> numbers = stackalloc byte[48];
        int boot = Write(numbers, message.Boot);
        int seq = Write(numbers[boot..], message.Sequence);
        var body = new byte[_head.Length + status.Length + ObservedAtPart.Length + IsoTimestamp.Length + _middle.Length
            + _boardId.Length + 2 + boot + seq + _tail.Length];
        int at = Put(body, 0, _head);
        at = Put(body, at, status);
        at = Put(body, at, ObservedAtPart);
        IsoTimestamp.Write(body.AsSpan(at), message.ObservedAtUnixMs);
        at += IsoTimestamp.Length;
        at = Put(body, at, _middle);
        at = Put(body, at, _boardId);
        body[at++] = (byte)':';
        at = Put(body, at, numbers[..boot]);
        body[at++] = (byte)':';
        at = Put(body, at, numbers[boot..(boot + seq)]);
        Put(body, at, _tail);
        return new OutboxDraft(OutboxPriority.StateChange, key, body);
    }

    private static ReadOnlySpan<byte> StatusBytes(string? state) => state switch
    {
        "occupied" => "occupied"u8,
        "free" => "free"u8,
        null => "unknown"u8,
        _ => JsonEncodedText.Encode(state).EncodedUtf8Bytes,
    };

    private static int Write(Span<byte> into, long value) =>
        value.TryFormat(into, out int written, default, System.Globalization.CultureInfo.InvariantCulture) ? written : throw new InvalidOperationException("number too long");

    private static int Put(byte[] into, int at, ReadOnlySpan<byte> part)
    {
        part.CopyTo(into.AsSpan(at));
        return at + part.Length;
    }

    private static string Encoded(string text) => Encoding.UTF8.GetString(JsonEncodedText.Encode(text).EncodedUtf8Bytes);

    private static byte[] Concat(params string[] parts) => Encoding.UTF8.GetBytes(string.Concat(parts));
}
