using EdgeCity.DeliveryRig;
using EdgeCity.Inventory;
using EdgeCity.Testing;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>The gateway process is SIGKILLed under load, again and again: every acknowledged event still arrives upstream.</summary>
public sealed class GatewayKillTests
{
    [Fact]
    public async Task Every_acknowledged_event_arrives_in_order_although_the_gateway_was_killed_with_SIGKILL_three_times_under_load()
    {
        int seed = Environment.TickCount & 0xFFFF;
        var random = new Random(seed);
        string data = Path.Combine(Path.GetTempPath(), "edgecity-kill-" + Guid.NewGuid().ToString("N"));
        await using var city = await MosquittoBroker.StartAsync("city", CityBroker.Settings);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, CityBroker.Topic, "city-platform-" + seed);
        await using var gateway = await GatewayProcess.StartAsync(data, RepositoryFiles.BoardsJson, CityBroker.GatewaySettings(city.Port));
        try
        {
            var boards = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays.Select(b => b.Id).OrderBy(_ => random.Next()).Take(16).ToList();
            var load = new BoardLoad(boards, "127.0.0.1", gateway.MqttPort, new BoardLoadOptions { EventsPerSecondPerBoard = 100 });
            using var stop = new CancellationTokenSource();
            Task running = load.RunAsync(stop.Token);

            for (int kill = 1; kill <= 3; kill++)
            {
                int ackedBefore = load.Acknowledged;
                await Task.Delay(TimeSpan.FromMilliseconds(400 + random.Next(800)));
                // Each kill must land under load: on a machine busy with other test assemblies the boards may not have
                // (re)connected within the random delay (a CI run saw none acknowledged before kill 1), so wait for this
                // run of the gateway's own acknowledgements rather than kill an idle one.
                await Eventually.HoldsAsync(() => load.Acknowledged > ackedBefore, TimeSpan.FromSeconds(30),
                    $"seed {seed}: boards were acknowledged before kill {kill}");
                await gateway.KillAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300)));
                await gateway.StartAgainAsync();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
            await stop.CancelAsync();
            await running;

            List<string> ackedKeys = load.AcknowledgedKeys();
            await Eventually.HoldsAsync(() => recorder.Missing(ackedKeys).Count == 0, TimeSpan.FromSeconds(60),
                $"seed {seed}: all {ackedKeys.Count} acknowledged events at the city broker after 3 SIGKILLs (missing {recorder.Missing(ackedKeys).Count}: {string.Join(", ", recorder.Missing(ackedKeys).Take(5))})");
            Assert.Empty(recorder.OrderViolations());
            Assert.Equal(4, gateway.Starts);
            Assert.True(load.Failures > 0, $"seed {seed}: the boards noticed the kills");
        }
        finally
        {
            await gateway.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
