using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeCity.DeliveryRig;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// <c>bench gateway</c>: simulated boards publish QoS 1 bay state changes over loopback, each the next as soon
/// as the last is acknowledged, into the real gateway (a child process, as on a Pi) that forwards to a real
/// Mosquitto as the city's broker; then the same load through a Mosquitto → Mosquitto bridge with persistence
/// on. Both get the same upstream outage in the middle. A persistent subscriber at the city broker records
/// what arrives. Figures: acknowledged events per second over the run, p99 board-to-city latency of the
/// events published before the outage, events acknowledged but never delivered, the gateway's peak RSS.
/// </summary>
public static class GatewayBenchmark
{
    /// <summary>Runs the full benchmark (about four minutes); the last line printed is the JSON result.</summary>
    public static Task<int> RunAsync(int seed, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(seed, GatewayBenchmarkShape.Full, "boards.json", output, cancellationToken);

    /// <summary>Runs the benchmark with <paramref name="shape"/> (tests use a tiny one) on the bays of <paramref name="inventoryPath"/>.</summary>
    internal static async Task<int> RunAsync(int seed, GatewayBenchmarkShape shape, string inventoryPath, TextWriter output, CancellationToken cancellationToken)
    {
        string work = Path.Combine(Path.GetTempPath(), $"edgecity-bench-gateway-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var boards = BenchInventory.Write(inventoryPath, Path.Combine(work, "boards.json"), shape.Boards, seed);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"bench gateway: {boards.Count} boards, QoS 1, closed loop; after {shape.WarmUp.TotalSeconds:0} s of warm-up, {shape.Before.TotalSeconds:0} s, then a {shape.Outage.TotalSeconds:0} s upstream outage, then {shape.After.TotalSeconds:0} s (seed {seed})")).ConfigureAwait(false);

            Run gateway = await RunGatewayAsync(work, boards, shape, output, cancellationToken).ConfigureAwait(false);
            Run bridge = await RunBridgeAsync(boards, shape, output, cancellationToken).ConfigureAwait(false);
            var result = new
            {
                bench = "gateway",
                events = gateway.Acknowledged,
                events_per_s = Math.Round(gateway.EventsPerSecond, 1),
                p99_ms = Math.Round(gateway.P99Ms, 1),
                lost = gateway.Lost,
                rss_mb = Math.Round(gateway.PeakRssMb, 1),
                mosquitto_bridge_events_per_s = Math.Round(bridge.EventsPerSecond, 1),
                mosquitto_bridge_lost = bridge.Lost,
            };
            await output.WriteLineAsync(JsonSerializer.Serialize(result)).ConfigureAwait(false);
            return gateway.Lost == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Under the temporary folder: the OS cleans it.
            }
        }
    }

    private static async Task<Run> RunGatewayAsync(string work, List<string> boards, GatewayBenchmarkShape shape, TextWriter output, CancellationToken cancellationToken)
    {
        await using var city = await MosquittoBroker.StartAsync("city", CityBrokerSettings, cancellationToken).ConfigureAwait(false);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, "city/ngsi-ld/entities", "city-platform", cancellationToken).ConfigureAwait(false);
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Upstream:Kind"] = "Mqtt",
            ["Gateway:Upstream:Mqtt:Host"] = "127.0.0.1",
            ["Gateway:Upstream:Mqtt:Port"] = city.Port.ToString(CultureInfo.InvariantCulture),
            ["Gateway:Upstream:Mqtt:UseTls"] = "false",
            ["Gateway:Upstream:Mqtt:Topic"] = "city/ngsi-ld/entities",
            ["Gateway:Upstream:ReconnectMaxDelayMs"] = "1000",
        };
        await using var gateway = await GatewayProcess.StartAsync(Path.Combine(work, "data"), Path.Combine(work, "boards.json"), settings,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        Run run = await DriveAsync("gateway", boards, gateway.MqttPort, () => gateway.ProcessId, city, recorder, shape, output, cancellationToken).ConfigureAwait(false);
        run.PeakRssMb = gateway.PeakRssMb;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  gateway: peak RSS {run.PeakRssMb:0.0} MiB")).ConfigureAwait(false);
        return run;
    }

    private static async Task<Run> RunBridgeAsync(List<string> boards, GatewayBenchmarkShape shape, TextWriter output, CancellationToken cancellationToken)
    {
        await using var city = await MosquittoBroker.StartAsync("bridge-city", CityBrokerSettings, cancellationToken).ConfigureAwait(false);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, "edgecity/#", "city-platform-bridge", cancellationToken).ConfigureAwait(false);

        // Mosquitto's defaults, persistence on: what an integrator gets from the Debian package plus "persistence true".
        await using var local = await MosquittoBroker.StartAsync("bridge-local",
            new MosquittoSettings { Persistence = true, BridgeToPort = city.Port }, cancellationToken).ConfigureAwait(false);
        return await DriveAsync("mosquitto bridge", boards, local.Port, () => local.ProcessId, city, recorder, shape, output, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Run> DriveAsync(string name, List<string> boards, int port, Func<int> servicePid, MosquittoBroker city, UpstreamRecorder recorder,
        GatewayBenchmarkShape shape, TextWriter output, CancellationToken cancellationToken)
    {
        using (var warmUpStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var warmUpLoad = new BoardLoad(boards, "127.0.0.1", port, new BoardLoadOptions { Boot = 1 });
            Task warming = warmUpLoad.RunAsync(warmUpStop.Token);
            await Task.Delay(shape.WarmUp, cancellationToken).ConfigureAwait(false);
            await warmUpStop.CancelAsync().ConfigureAwait(false);
            await warming.ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false); // what was in flight settles
        }

        var load = new BoardLoad(boards, "127.0.0.1", port, new BoardLoadOptions { Boot = 2 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        long startedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Task running = load.RunAsync(stop.Token);

        // The steady window (after a second of warm-up, until the outage) is where p99 and the CPU shares are taken.
        TimeSpan warmUp = TimeSpan.FromSeconds(Math.Min(1, shape.Before.TotalSeconds / 2));
        await Task.Delay(warmUp, cancellationToken).ConfigureAwait(false);
        CpuSample steadyStart = CpuSample.Take(servicePid(), city.ProcessId);
        int ackedAtSteadyStart = load.Acknowledged;
        await Task.Delay(shape.Before - warmUp, cancellationToken).ConfigureAwait(false);
        CpuSample steadyEnd = CpuSample.Take(servicePid(), city.ProcessId);
        long outageStartUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        int ackedBeforeOutage = load.Acknowledged;
        double steadyEventsPerSecond = (ackedBeforeOutage - ackedAtSteadyStart) / Stopwatch.GetElapsedTime(steadyStart.Timestamp, steadyEnd.Timestamp).TotalSeconds;
        await city.StopAsync().ConfigureAwait(false);
        await Task.Delay(shape.Outage, cancellationToken).ConfigureAwait(false);
        await city.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(shape.After, cancellationToken).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
        double loadSeconds = clock.Elapsed.TotalSeconds;

        // Drain: wait while deliveries still make progress, up to the limit.
        List<string> acked = load.AcknowledgedKeys();
        var drain = Stopwatch.StartNew();
        int missing = recorder.Missing(acked).Count;
        var lastProgress = Stopwatch.StartNew();
        while (missing > 0 && drain.Elapsed < shape.DrainLimit && lastProgress.Elapsed < shape.StallLimit)
        {
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            int now = recorder.Missing(acked).Count;
            if (now < missing)
            {
                lastProgress.Restart();
            }

            missing = now;
        }

        var steady = recorder.FirstArrivals()
            .Where(e => e.ObservedAtUnixMs >= startedUnixMs + 1000 && e.ObservedAtUnixMs < outageStartUnixMs)
            .Select(e => (double)e.EndToEndMs).Order().ToArray();
        var run = new Run
        {
            Acknowledged = acked.Count,
            EventsPerSecond = acked.Count / loadSeconds,
            P99Ms = steady.Length == 0 ? double.NaN : steady[Math.Min(steady.Length - 1, (int)(0.99 * steady.Length))],
            Lost = missing,
        };
        double[] ack = load.AckLatenciesMs();
        Array.Sort(ack);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {acked.Count} events acknowledged in {loadSeconds:0.0} s = {run.EventsPerSecond:0} events/s ({ackedBeforeOutage} before the outage); " +
            $"publish→PUBACK p50 {Percentile(ack, 0.5):0.0} ms p99 {Percentile(ack, 0.99):0.0} ms; board→city p50 {Percentile(steady, 0.5):0.0} ms p99 {run.P99Ms:0.0} ms before the outage; " +
            $"delivered {acked.Count - missing} (drained in {drain.Elapsed.TotalSeconds:0.0} s), lost {missing}; out of order {recorder.OrderViolations().Count}; duplicates {recorder.Received - recorder.Distinct}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name}: steady before the outage {steadyEventsPerSecond:0} events/s; ") +
            CpuSample.Describe(name, steadyStart, steadyEnd, ackedBeforeOutage - ackedAtSteadyStart)).ConfigureAwait(false);
        return run;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static MosquittoSettings CityBrokerSettings => new() { Persistence = true, MaxQueuedMessages = 0, MaxInflightMessages = 100 };

    private sealed class Run
    {
        public int Acknowledged { get; init; }

        public double EventsPerSecond { get; init; }

        public double P99Ms { get; init; }

        public int Lost { get; init; }

        public double PeakRssMb { get; set; }
    }
}
