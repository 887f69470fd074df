using System.Buffers;
using System.Globalization;
using System.Text.Json;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Parking;

namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// Turns a board message into the FIWARE Smart Data Model entity the city platform expects, in NGSI-LD
/// normalized form: a bay's state into a <c>ParkingSpot</c> (<c>status</c> with <c>observedAt</c>), a birth,
/// last will or heartbeat into a <c>Device</c> (<c>deviceState</c>, <c>batteryLevel</c> when reported), a shelter
/// alarm into an <c>Alert</c>. Every entity carries the idempotency key (<c>board:boot:seq</c>) as a property, so
/// a consumer can drop the duplicates that at-least-once delivery allows.
/// </summary>
public static class SmartDataModelRenderer
{
    /// <summary>The JSON-LD contexts: NGSI-LD core and the Smart Data Models' common context.</summary>
    public static readonly string[] Context =
    [
        "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld",
        "https://raw.githubusercontent.com/smart-data-models/data-models/master/context.jsonld",
    ];

    private static readonly string[] Severities = ["informational", "low", "medium", "high", "critical"];

    /// <summary>The idempotency key of <paramref name="message"/>: <c>board:boot:seq</c>, or <c>board:boot:will</c>.</summary>
    public static string EventKey(BoardMessage message) =>
        message.Sequence < 0
            ? string.Create(CultureInfo.InvariantCulture, $"{message.BoardId}:{message.Boot}:will")
            : string.Create(CultureInfo.InvariantCulture, $"{message.BoardId}:{message.Boot}:{message.Sequence}");

    /// <summary>Renders <paramref name="message"/> as an outbox entry.</summary>
    public static OutboxDraft Render(BoardMessage message, BayDirectory directory)
    {
        string key = EventKey(message);
        if (message.Kind == BoardMessageKind.State && directory.TryGetBay(message.BoardId, out KnownBay known))
        {
            return ParkingSpotTemplate.For(known).Render(message, key);
        }

        return RenderWithWriter(message, directory, key);
    }

    /// <summary>The general path: every entity kind, written with <see cref="Utf8JsonWriter"/> (tests compare the template's bytes with it).</summary>
    internal static OutboxDraft RenderWithWriter(BoardMessage message, BayDirectory directory, string key)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            OutboxPriority priority = message.Kind switch
            {
                BoardMessageKind.State => WriteParkingSpot(json, message, directory),
                BoardMessageKind.Alarm => WriteAlert(json, message),
                _ => WriteDevice(json, message),
            };
            WriteProperty(json, "idempotencyKey", key, observedAt: null);
            json.WriteStartArray("@context");
            foreach (string context in Context)
            {
                json.WriteStringValue(context);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            return new OutboxDraft(priority, key, buffer.WrittenMemory);
        }
    }

    private static OutboxPriority WriteParkingSpot(Utf8JsonWriter json, BoardMessage message, BayDirectory directory)
    {
        json.WriteString("id", "urn:ngsi-ld:ParkingSpot:" + message.BoardId);
        json.WriteString("type", "ParkingSpot");
        WriteProperty(json, "status", message.State ?? "unknown", Iso(message.ObservedAtUnixMs));
        if (directory.TryGetBay(message.BoardId, out KnownBay bay))
        {
            WriteProperty(json, "name", bay.Label, observedAt: null);
            json.WriteStartObject("refParkingSite");
            json.WriteString("type", "Relationship");
            json.WriteString("object", "urn:ngsi-ld:OffStreetParking:" + bay.LotId);
            json.WriteEndObject();
        }

        return OutboxPriority.StateChange;
    }

    private static OutboxPriority WriteDevice(Utf8JsonWriter json, BoardMessage message)
    {
        json.WriteString("id", "urn:ngsi-ld:Device:" + message.BoardId);
        json.WriteString("type", "Device");
        string observedAt = Iso(message.ObservedAtUnixMs);
        WriteProperty(json, "deviceState", message.Online == false ? "offline" : "online", observedAt);
        if (message.Firmware is { } firmware)
        {
            WriteProperty(json, "firmwareVersion", firmware, observedAt);
        }

        WriteDateTimeProperty(json, "dateLastValueReported", observedAt);

        // Smart Data Models' batteryLevel is a fraction 0–1; boards report percent.
        if (message.Payload.TryGetProperty("batteryPct", out JsonElement battery) && battery.TryGetDouble(out double percent) && percent is >= 0 and <= 100)
        {
            json.WriteStartObject("batteryLevel");
            json.WriteString("type", "Property");
            json.WriteNumber("value", Math.Round(percent / 100, 3));
            json.WriteString("observedAt", observedAt);
            json.WriteEndObject();
        }

        return message.Kind == BoardMessageKind.Heartbeat ? OutboxPriority.Telemetry : OutboxPriority.StateChange;
    }

    private static OutboxPriority WriteAlert(Utf8JsonWriter json, BoardMessage message)
    {
        json.WriteString("id", "urn:ngsi-ld:Alert:" + EventKey(message).Replace(':', '-'));
        json.WriteString("type", "Alert");
        string observedAt = Iso(message.ObservedAtUnixMs);
        WriteProperty(json, "category", "security", observedAt: null);
        WriteProperty(json, "subCategory", message.Alarm ?? "unknown", observedAt: null);
        WriteProperty(json, "severity", Severity(message.Payload), observedAt: null);
        WriteDateTimeProperty(json, "dateIssued", observedAt);
        json.WriteStartObject("alertSource");
        json.WriteString("type", "Relationship");
        json.WriteString("object", "urn:ngsi-ld:Device:" + message.BoardId);
        json.WriteEndObject();
        return OutboxPriority.Alarm;
    }

    /// <summary>
    /// The Alert severity: shelter boards send 1 (notice) to 3 (call the police now), mapped to low, high,
    /// critical; a Smart Data Models word is taken as it is; anything else is <c>high</c>.
    /// </summary>
    private static string Severity(JsonElement payload)
    {
        if (!payload.TryGetProperty("severity", out JsonElement severity))
        {
            return "high";
        }

        if (severity.ValueKind == JsonValueKind.Number && severity.TryGetInt32(out int level))
        {
            return level <= 1 ? "low" : level == 2 ? "high" : "critical";
        }

        return severity.ValueKind == JsonValueKind.String && Array.IndexOf(Severities, severity.GetString()) >= 0 ? severity.GetString()! : "high";
    }

    // NGSI-LD's typed value for a date-time property: {"type":"Property","value":{"@type":"DateTime","@value":…}}.
    private static void WriteDateTimeProperty(Utf8JsonWriter json, string name, string isoTime)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "Property");
        json.WriteStartObject("value");
        json.WriteString("@type", "DateTime");
        json.WriteString("@value", isoTime);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, string value, string? observedAt)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "Property");
        json.WriteString("value", value);
        if (observedAt is not null)
        {
            json.WriteString("observedAt", observedAt);
        }

        json.WriteEndObject();
    }

    private static string Iso(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
