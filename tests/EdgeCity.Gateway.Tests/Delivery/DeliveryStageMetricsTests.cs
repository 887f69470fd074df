using System.Globalization;
using EdgeCity.DeliveryRig;
using EdgeCity.Inventory;
using EdgeCity.Testing;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>The stage histograms on <c>/metrics</c> follow every event from ingest to the city broker's PUBACK.</summary>
public sealed class DeliveryStageMetricsTests
{
    [Fact]
    public async Task Every_forwarded_event_is_counted_once_in_each_stage_and_confirmation_comes_no_sooner_than_the_commit()
    {
        int seed = Environment.TickCount & 0xFFFF;
        await using var city = await MosquittoBroker.StartAsync("city", CityBroker.Settings);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, CityBroker.Topic, "city-platform-" + seed);
        await using var gateway = await GatewayUnderTest.StartAsync(settings: CityBroker.GatewaySettings(city.Port));

        var boards = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays.Select(b => b.Id).Take(4).ToList();
        var load = new BoardLoad(boards, "127.0.0.1", gateway.MqttPort, new BoardLoadOptions { EventsPerSecondPerBoard = 100, PoissonArrivals = true, Seed = seed });
        using var stop = new CancellationTokenSource();
        Task running = load.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        // On past the second (up to 20 s) until enough events are acknowledged to judge the sums: a machine busy with
        // other test assemblies acknowledged as few as 8 in a fixed second in a sibling test (UpstreamTlsTests).
        await Eventually.HoldsAsync(() => load.Acknowledged > 60, TimeSpan.FromSeconds(20), $"seed {seed}: events acknowledged ({load.Acknowledged})");
        await stop.CancelAsync();
        await running;
        List<string> acked = load.AcknowledgedKeys();
        await Eventually.HoldsAsync(() => recorder.Missing(acked).Count == 0, TimeSpan.FromSeconds(30), $"seed {seed}: all {acked.Count} events at the city broker");

        // The pump records a batch as confirmed just after its PUBACK; the city subscriber may see it first.
        string metrics = "";
        await Eventually.HoldsAsync(async () =>
        {
            metrics = await gateway.Http.GetStringAsync("/metrics");
            double confirmedCount = Value(metrics, "edgecity_delivery_stage_seconds_count{stage=\"confirmed_upstream\"}");
            return confirmedCount >= acked.Count && confirmedCount == Value(metrics, "edgecity_delivery_stage_seconds_count{stage=\"committed\"}");
        }, TimeSpan.FromSeconds(10), $"seed {seed}: {acked.Count} confirmations counted");

        // A publish cut short when the load stopped may still have been committed and forwarded: at least the acknowledged ones.
        Assert.True(acked.Count > 50, $"seed {seed}: only {acked.Count} events");
        double events = Value(metrics, "edgecity_delivery_stage_seconds_count{stage=\"committed\"}");
        Assert.InRange(events, acked.Count, acked.Count + boards.Count);
        foreach (string stage in new[] { "committed", "read_by_pump", "confirmed_upstream" })
        {
            Assert.Equal(events, Value(metrics, $"edgecity_delivery_stage_seconds_count{{stage=\"{stage}\"}}"));
            Assert.Equal(events, Value(metrics, $"edgecity_delivery_stage_seconds_bucket{{stage=\"{stage}\",le=\"+Inf\"}}"));
        }

        // Per event, confirmed ≥ read ≥ committed (all from the same arrival; the later stages are read in whole ms).
        double tolerance = events * 0.001;
        double committed = Value(metrics, "edgecity_delivery_stage_seconds_sum{stage=\"committed\"}");
        double read = Value(metrics, "edgecity_delivery_stage_seconds_sum{stage=\"read_by_pump\"}");
        double confirmed = Value(metrics, "edgecity_delivery_stage_seconds_sum{stage=\"confirmed_upstream\"}");
        Assert.True(read >= committed - tolerance && confirmed >= read, $"seed {seed}: sums committed {committed} s, read {read} s, confirmed {confirmed} s");
        Assert.True(Value(metrics, "edgecity_outbox_transaction_seconds_count") >= 1, metrics);
    }

    private static double Value(string metrics, string series)
    {
        string? line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{series} missing from /metrics:\n{metrics}");
        return double.Parse(line![(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
