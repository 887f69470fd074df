using System.Text;
using System.Text.Json;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Parking;
using EdgeCity.Gateway.Upstream;

namespace EdgeCity.Gateway.Tests;

public class SmartDataModelRendererTests
{
    private static readonly BayDirectory Directory = new([new KnownBay("pk-a-001", "lot-1", "A-001")], ["pk-a-001", "bit-1"]);

    [Fact]
    public void A_bay_state_change_becomes_a_ParkingSpot_with_status_observedAt_and_the_idempotency_key()
    {
        OutboxDraft draft = Render("edgecity/pk-a-001/state", "pk-a-001", """{"boot":3,"seq":42,"ts":1764000000123,"state":"occupied"}""");
        using var json = JsonDocument.Parse(draft.Body);
        JsonElement e = json.RootElement;
        Assert.Equal(OutboxPriority.StateChange, draft.Priority);
        Assert.Equal("urn:ngsi-ld:ParkingSpot:pk-a-001", e.GetProperty("id").GetString());
        Assert.Equal("ParkingSpot", e.GetProperty("type").GetString());
        Assert.Equal("occupied", e.GetProperty("status").GetProperty("value").GetString());
        Assert.Equal("2025-11-24T16:00:00.123Z", e.GetProperty("status").GetProperty("observedAt").GetString());
        Assert.Equal("urn:ngsi-ld:OffStreetParking:lot-1", e.GetProperty("refParkingSite").GetProperty("object").GetString());
        Assert.Equal("pk-a-001:3:42", e.GetProperty("idempotencyKey").GetProperty("value").GetString());
        Assert.Equal("pk-a-001:3:42", draft.EventKey);
    }

    [Fact]
    public void A_heartbeat_becomes_telemetry_a_Device_with_batteryLevel_as_a_fraction()
    {
        OutboxDraft draft = Render("edgecity/pk-a-001/heartbeat", "pk-a-001", """{"boot":1,"seq":7,"ts":1000,"state":"free","batteryPct":87}""");
        using var json = JsonDocument.Parse(draft.Body);
        Assert.Equal(OutboxPriority.Telemetry, draft.Priority);
        Assert.Equal("Device", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(0.87, json.RootElement.GetProperty("batteryLevel").GetProperty("value").GetDouble());
        Assert.Equal("online", json.RootElement.GetProperty("deviceState").GetProperty("value").GetString());
    }

    [Fact]
    public void A_last_will_is_a_state_change_of_the_Device_to_offline_keyed_by_its_boot()
    {
        OutboxDraft draft = Render("edgecity/pk-a-001/status", "pk-a-001", """{"online":false,"boot":4}""");
        using var json = JsonDocument.Parse(draft.Body);
        Assert.Equal(OutboxPriority.StateChange, draft.Priority);
        Assert.Equal("offline", json.RootElement.GetProperty("deviceState").GetProperty("value").GetString());
        Assert.Equal("pk-a-001:4:will", draft.EventKey);
    }

    [Fact]
    public void A_shelter_alarm_becomes_an_Alert_with_the_highest_priority_and_its_severity_mapped()
    {
        OutboxDraft draft = Render("edgecity/bit-1/alarm", "bit-1", """{"boot":2,"seq":9,"ts":5000,"alarm":"tear-off","severity":3,"hits":4}""");
        using var json = JsonDocument.Parse(draft.Body);
        JsonElement e = json.RootElement;
        Assert.Equal(OutboxPriority.Alarm, draft.Priority);
        Assert.Equal("Alert", e.GetProperty("type").GetString());
        Assert.Equal("urn:ngsi-ld:Alert:bit-1-2-9", e.GetProperty("id").GetString());
        Assert.Equal("tear-off", e.GetProperty("subCategory").GetProperty("value").GetString());
        Assert.Equal("critical", e.GetProperty("severity").GetProperty("value").GetString());
        Assert.Equal("urn:ngsi-ld:Device:bit-1", e.GetProperty("alertSource").GetProperty("object").GetString());
    }

    [Fact]
    public void A_known_bays_ParkingSpot_from_its_template_is_byte_for_byte_what_the_general_writer_writes()
    {
        int seed = Environment.TickCount & 0xFFFF;
        var random = new Random(seed);
        var bays = EdgeCity.Inventory.BoardInventoryLoader.Load(EdgeCity.Testing.RepositoryFiles.BoardsJson).Bays
            .Select(b => new KnownBay(b.Id, "lot-" + b.Id[..4], "A-" + b.Id[^3..]))
            .Append(new KnownBay("pk-\"odd\"-<1>", "로트 &1", "가-001 \\ 'x'")).ToList();
        var directory = new BayDirectory(bays, []);
        foreach (KnownBay bay in bays)
        {
            for (int i = 0; i < 20; i++)
            {
                long ts = random.NextInt64(0, 4_102_444_800_000); // 1970 – 2100
                string state = random.Next(2) == 0 ? "free" : "occupied";
                var message = new BoardMessage(bay.Id, BoardMessageKind.State, random.NextInt64(1, 100_000), random.NextInt64(0, long.MaxValue), ts,
                    state, null, null, default);
                string key = SmartDataModelRenderer.EventKey(message);
                OutboxDraft template = SmartDataModelRenderer.Render(message, directory);
                OutboxDraft general = SmartDataModelRenderer.RenderWithWriter(message, directory, key);
                Assert.True(template.Utf8Body.Span.SequenceEqual(general.Utf8Body.Span), $"seed {seed}, bay {bay.Id}, ts {ts}:\n{template.Body}\n{general.Body}");
                Assert.Equal(general.Bytes, template.Bytes);
            }
        }
    }

    private static OutboxDraft Render(string topic, string clientId, string payload)
    {
        Assert.True(BoardMessageParser.TryParse(topic, clientId, Encoding.UTF8.GetBytes(payload), 1, out BoardMessage? message, out string error), error);
        return SmartDataModelRenderer.Render(message!, Directory);
    }
}
