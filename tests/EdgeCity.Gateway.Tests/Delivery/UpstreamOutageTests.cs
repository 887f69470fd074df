using EdgeCity.DeliveryRig;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Upstream;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>The city's broker (a real Mosquitto) goes away under load and comes back: nothing is lost, nothing reordered.</summary>
public sealed class UpstreamOutageTests
{
    [Fact]
    public async Task Every_event_arrives_in_order_per_board_after_the_city_broker_was_stopped_under_load_and_restarted()
    {
        int seed = Environment.TickCount & 0xFFFF;
        var random = new Random(seed);
        await using var city = await MosquittoBroker.StartAsync("city", CityBroker.Settings);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, CityBroker.Topic, "city-platform-" + seed);
        await using var gateway = await GatewayUnderTest.StartAsync(settings: CityBroker.GatewaySettings(city.Port));

        var boards = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays.Select(b => b.Id).OrderBy(_ => random.Next()).Take(16).ToList();
        var load = new BoardLoad(boards, "127.0.0.1", gateway.MqttPort, new BoardLoadOptions { EventsPerSecondPerBoard = 100 });
        using var stop = new CancellationTokenSource();
        Task running = load.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromMilliseconds(800 + random.Next(700)));
        await city.StopAsync();
        int ackedAtStop = load.Acknowledged;
        await Task.Delay(TimeSpan.FromMilliseconds(2500 + random.Next(1000)));
        // The outage lasts at least as long as drawn, and on past it until the boards were acknowledged 100 more times:
        // on a machine busy with other test assemblies a fixed few seconds may see too little load to judge.
        await Eventually.HoldsAsync(() => load.Acknowledged > ackedAtStop + 100, TimeSpan.FromSeconds(30),
            $"seed {seed}: boards are still acknowledged while upstream is away ({ackedAtStop} → {load.Acknowledged})");
        var outbox = gateway.App.Services.GetRequiredService<OutboxCounters>();
        Assert.True(outbox.TotalEntries > 0, $"seed {seed}: the outbox should hold what could not go upstream");
        await city.StartAgainAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(800 + random.Next(700)));
        await stop.CancelAsync();
        await running;

        List<string> acked = load.AcknowledgedKeys();
        await Eventually.HoldsAsync(() => recorder.Missing(acked).Count == 0, TimeSpan.FromSeconds(60),
            $"seed {seed}: all {acked.Count} acknowledged events at the city broker (missing {recorder.Missing(acked).Count}: {string.Join(", ", recorder.Missing(acked).Take(8))}; received {recorder.Received}, distinct {recorder.Distinct})");
        Assert.Empty(recorder.OrderViolations());
        var upstream = gateway.App.Services.GetRequiredService<UpstreamCounters>();
        Assert.True(upstream.Failures > 0, $"seed {seed}: the outage was noticed");
        await Eventually.HoldsAsync(() => outbox.TotalEntries == 0, TimeSpan.FromSeconds(10), $"seed {seed}: the outbox drains");
    }
}
