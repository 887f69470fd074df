using System.Globalization;
using System.Text.Json;
using EdgeCity.DeliveryRig;
using EdgeCity.Inventory;
using EdgeCity.Testing;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>External-broker mode: boards talk to a real Mosquitto, the gateway ingests from it instead of its embedded broker.</summary>
public sealed class ExternalBrokerIngestTests
{
    [Fact]
    public async Task Events_published_to_a_Mosquitto_are_committed_by_the_gateway_and_forwarded_in_order_per_board()
    {
        int seed = Environment.TickCount & 0xFFFF;
        var random = new Random(seed);
        await using var city = await MosquittoBroker.StartAsync("city", CityBroker.Settings);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, CityBroker.Topic, "city-platform-external");
        await using var boardsBroker = await MosquittoBroker.StartAsync("boards", new MosquittoSettings { Persistence = true, MaxQueuedMessages = 0 });
        var settings = CityBroker.GatewaySettings(city.Port);
        settings["Gateway:ExternalBroker:Host"] = "127.0.0.1";
        settings["Gateway:ExternalBroker:Port"] = boardsBroker.Port.ToString(CultureInfo.InvariantCulture);
        await using var gateway = await GatewayUnderTest.StartAsync(settings: settings);
        await Eventually.HoldsAsync(async () => (await gateway.Http.GetAsync("/healthz")).IsSuccessStatusCode, TimeSpan.FromSeconds(10), "the gateway is subscribed to the boards' Mosquitto");
        using (var health = JsonDocument.Parse(await gateway.Http.GetStringAsync("/healthz")))
        {
            Assert.Equal("external", health.RootElement.GetProperty("brokerMode").GetString());
        }

        var boards = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays.Select(b => b.Id).OrderBy(_ => random.Next()).Take(8).ToList();
        var load = new BoardLoad(boards, "127.0.0.1", boardsBroker.Port, new BoardLoadOptions { EventsPerSecondPerBoard = 100 });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        await load.RunAsync(stop.Token);

        List<string> acked = load.AcknowledgedKeys();
        Assert.True(acked.Count > 100, $"seed {seed}: boards published through Mosquitto");
        await Eventually.HoldsAsync(() => recorder.Missing(acked).Count == 0, TimeSpan.FromSeconds(30),
            $"seed {seed}: all {acked.Count} events via Mosquitto → gateway → city (missing {recorder.Missing(acked).Count})");
        Assert.Empty(recorder.OrderViolations());
        Assert.Contains((await gateway.GetBayAsync(boards[0])).State, new[] { "occupied", "free" });
    }
}
