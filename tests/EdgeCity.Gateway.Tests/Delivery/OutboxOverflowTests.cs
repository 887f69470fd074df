using System.Globalization;
using System.Text;
using EdgeCity.DeliveryRig;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>The outbox fills while upstream is away: telemetry goes first, state changes and alarms are never dropped.</summary>
public sealed class OutboxOverflowTests
{
    [Fact]
    public async Task A_full_outbox_sheds_old_heartbeats_refuses_unacknowledged_what_it_cannot_hold_and_delivers_every_acknowledged_alarm_later()
    {
        var inventory = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson);
        string bay = inventory.Bays[0].Id;
        string shelter = inventory.Shelters[0].Id;
        await using var city = await MosquittoBroker.StartAsync("city", CityBroker.Settings);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, CityBroker.Topic, "city-platform-overflow");
        await city.StopAsync();
        var settings = CityBroker.GatewaySettings(city.Port);
        settings["Gateway:Outbox:CapacityBytes"] = "65536";
        await using var gateway = await GatewayUnderTest.StartAsync(settings: settings);
        var outbox = gateway.App.Services.GetRequiredService<OutboxCounters>();

        using var bayBoard = await ConnectAsync(gateway.MqttPort, bay);
        int seq = 0;
        for (int i = 0; i < 50; i++)
        {
            await PublishAsync(bayBoard, bay, "heartbeat", $$"""{"boot":1,"seq":{{++seq}},"ts":{{Now()}},"state":"free","batteryPct":80}""");
        }

        Assert.Equal(50, outbox.Entries(OutboxPriority.Telemetry));

        // Alarms and state changes until the outbox, emptied of telemetry, refuses one without a PUBACK.
        using var shelterBoard = await ConnectAsync(gateway.MqttPort, shelter);
        var acknowledged = new List<string>();
        int alarmSeq = 0;
        bool refused = false;
        for (int i = 0; i < 400 && !refused; i++)
        {
            try
            {
                if (i % 2 == 0)
                {
                    await PublishAsync(shelterBoard, shelter, "alarm", $$"""{"boot":1,"seq":{{++alarmSeq}},"ts":{{Now()}},"alarm":"vandalism","severity":3}""");
                    acknowledged.Add($"{shelter}:1:{alarmSeq}");
                }
                else
                {
                    await PublishAsync(bayBoard, bay, "state", $$"""{"boot":1,"seq":{{++seq}},"ts":{{Now()}},"state":"{{(seq % 2 == 0 ? "free" : "occupied")}}"}""");
                    acknowledged.Add($"{bay}:1:{seq}");
                }
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                refused = true;
            }
        }

        Assert.True(refused, "a state change or alarm beyond the capacity is refused without PUBACK");
        Assert.Equal(50, outbox.ShedTelemetry);
        Assert.Equal(0, outbox.Entries(OutboxPriority.Telemetry));
        Assert.True(outbox.RefusedFull >= 1);
        Assert.True(outbox.Entries(OutboxPriority.Alarm) > 10);

        // Heartbeats now are acknowledged (the board need not keep them) and take at most what room is left,
        // each replacing the one before; the alarms and state changes stay.
        long precious = outbox.Entries(OutboxPriority.Alarm) + outbox.Entries(OutboxPriority.StateChange);
        using var again = await ConnectAsync(gateway.MqttPort, bay);
        for (int i = 0; i < 3; i++)
        {
            await PublishAsync(again, bay, "heartbeat", $$"""{"boot":1,"seq":{{++seq}},"ts":{{Now()}},"state":"free","batteryPct":79}""");
        }

        Assert.True(outbox.Entries(OutboxPriority.Telemetry) <= 1);
        Assert.True(outbox.ShedTelemetry + outbox.DroppedNewTelemetry >= 52);
        Assert.Equal(precious, outbox.Entries(OutboxPriority.Alarm) + outbox.Entries(OutboxPriority.StateChange));

        string metrics = await gateway.Http.GetStringAsync("/metrics");
        Assert.Contains("edgecity_outbox_dropped_total{reason=\"shed_oldest\"} " + outbox.ShedTelemetry.ToString(CultureInfo.InvariantCulture), metrics, StringComparison.Ordinal);
        Assert.Contains("edgecity_outbox_dropped_total{reason=\"full_new\"} " + outbox.DroppedNewTelemetry.ToString(CultureInfo.InvariantCulture), metrics, StringComparison.Ordinal);
        Assert.Contains("edgecity_outbox_refused_total " + outbox.RefusedFull.ToString(CultureInfo.InvariantCulture), metrics, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"degraded\"", await gateway.Http.GetStringAsync("/healthz"), StringComparison.Ordinal);

        await city.StartAgainAsync();
        await Eventually.HoldsAsync(() => recorder.Missing(acknowledged).Count == 0, TimeSpan.FromSeconds(30),
            $"every acknowledged alarm and state change ({acknowledged.Count}) reaches the city broker (missing {recorder.Missing(acknowledged).Count})");
        Assert.Empty(recorder.OrderViolations());
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static async Task<IMqttClient> ConnectAsync(int port, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V311).WithTimeout(TimeSpan.FromSeconds(5)).Build());
        return client;
    }

    private static async Task PublishAsync(IMqttClient client, string boardId, string kind, string payload)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"edgecity/{boardId}/{kind}")
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), timeout.Token);
    }
}
