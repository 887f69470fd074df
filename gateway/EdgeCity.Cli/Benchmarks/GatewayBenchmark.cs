using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeCity.DeliveryRig;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// <c>bench gateway</c>: simulated boards publish QoS 1 bay state changes over loopback into the real gateway (a
/// child process, as on a Pi) that forwards to a real Mosquitto as the city's broker; then, in the same run and
/// with the same load, a Mosquitto → Mosquitto bridge with persistence on (one after the other, so each has the
/// machine's cores to itself). Each gets two phases after a warm-up. First an offered load: the fleet publishes
/// a Poisson stream at a stated rate (at least the 20,000 events/s the issue asks for), each event stamped with
/// its scheduled moment; its board-to-city p99 is the headline latency. Then a closed loop — each board publishes
/// the next event as soon as the last is acknowledged, which saturates the service — for the throughput, with the
/// city's broker stopped in the middle. A persistent subscriber at the city broker records what arrives.
/// Figures: acknowledged events per second over the closed loop, p99 board-to-city latency at the offered load
/// and (for comparison) at saturation before the outage, events acknowledged but never delivered (both phases),
/// the gateway's peak RSS, and for the gateway where each event's time went (<c>/metrics</c> stage histograms).
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
                $"bench gateway: {boards.Count} boards, QoS 1 (seed {seed}); the gateway, then the Mosquitto bridge, each: {shape.WarmUp.TotalSeconds:0} s of warm-up; " +
                $"{shape.Offered.TotalSeconds:0} s at an offered load of {shape.OfferedEventsPerSecond:0} events/s (Poisson, measured after its first second); " +
                $"then a closed loop: {shape.Before.TotalSeconds:0} s, a {shape.Outage.TotalSeconds:0} s upstream outage, {shape.After.TotalSeconds:0} s")).ConfigureAwait(false);

            Run gateway = await RunGatewayAsync(work, boards, shape, seed, output, cancellationToken).ConfigureAwait(false);
            Run bridge = await RunBridgeAsync(boards, shape, seed, output, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  summary: gateway p99 board→city {gateway.OfferedP99Ms:0.0} ms at {gateway.OfferedEventsPerSecond:0} events/s offered ({gateway.SaturatedP99Ms:0.0} ms at saturation), " +
                $"{gateway.EventsPerSecond:0} events/s durable in the closed loop, lost {gateway.Lost}, peak RSS {gateway.PeakRssMb:0.0} MiB; " +
                $"Mosquitto bridge p99 {bridge.OfferedP99Ms:0.0} ms at {bridge.OfferedEventsPerSecond:0} events/s offered, {bridge.EventsPerSecond:0} events/s, lost {bridge.Lost}")).ConfigureAwait(false);
            var result = new
            {
                bench = "gateway",
                events = gateway.Acknowledged,
                events_per_s = Math.Round(gateway.EventsPerSecond, 1),
                p99_ms = Measured(gateway.OfferedP99Ms),
                lost = gateway.Lost,
                rss_mb = Math.Round(gateway.PeakRssMb, 1),
                mosquitto_bridge_events_per_s = Math.Round(bridge.EventsPerSecond, 1),
                mosquitto_bridge_lost = bridge.Lost,
                p99_at_events_per_s = Math.Round(gateway.OfferedEventsPerSecond, 1),
                p99_saturated_ms = Measured(gateway.SaturatedP99Ms),
                mosquitto_bridge_p99_ms = Measured(bridge.OfferedP99Ms),
            };
            await output.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions)).ConfigureAwait(false);
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

    private static async Task<Run> RunGatewayAsync(string work, List<string> boards, GatewayBenchmarkShape shape, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        await using var city = await MosquittoBroker.StartAsync("city", CityBrokerSettings, cancellationToken).ConfigureAwait(false);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, "city/ngsi-ld/entities", "city-platform", shape.ExpectedEvents, cancellationToken).ConfigureAwait(false);
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
        var service = new Service("gateway", gateway.MqttPort, () => gateway.ProcessId, token => gateway.GetAsync("/metrics", token));
        Run run = await DriveAsync(service, boards, city, recorder, shape, seed, output, cancellationToken).ConfigureAwait(false);
        run.PeakRssMb = gateway.PeakRssMb;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  gateway: peak RSS {run.PeakRssMb:0.0} MiB")).ConfigureAwait(false);
        return run;
    }

    private static async Task<Run> RunBridgeAsync(List<string> boards, GatewayBenchmarkShape shape, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        await using var city = await MosquittoBroker.StartAsync("bridge-city", CityBrokerSettings, cancellationToken).ConfigureAwait(false);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, "edgecity/#", "city-platform-bridge", shape.ExpectedEvents, cancellationToken).ConfigureAwait(false);

        // Mosquitto's defaults, persistence on: what an integrator gets from the Debian package plus "persistence true".
        await using var local = await MosquittoBroker.StartAsync("bridge-local",
            new MosquittoSettings { Persistence = true, BridgeToPort = city.Port }, cancellationToken).ConfigureAwait(false);
        var service = new Service("mosquitto bridge", local.Port, () => local.ProcessId, Metrics: null);
        return await DriveAsync(service, boards, city, recorder, shape, seed, output, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Run> DriveAsync(Service service, List<string> boards, MosquittoBroker city, UpstreamRecorder recorder,
        GatewayBenchmarkShape shape, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        string name = service.Name;
        using (var warmUpStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var warmUpLoad = new BoardLoad(boards, "127.0.0.1", service.Port, new BoardLoadOptions { Boot = 1 });
            Task warming = warmUpLoad.RunAsync(warmUpStop.Token);
            await Task.Delay(shape.WarmUp, cancellationToken).ConfigureAwait(false);
            await warmUpStop.CancelAsync().ConfigureAwait(false);
            await warming.ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false); // what was in flight settles
        }

        var (offeredP99Ms, offeredEventsPerSecond, offeredKeys) = await DriveOfferedLoadAsync(service, boards, city, recorder, shape, seed, output, cancellationToken).ConfigureAwait(false);

        var load = new BoardLoad(boards, "127.0.0.1", service.Port, new BoardLoadOptions { Boot = 3 });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        long startedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Task running = load.RunAsync(stop.Token);

        // The steady window (after a second of warm-up, until the outage) is where p99 and the CPU shares are taken.
        TimeSpan warmUp = TimeSpan.FromSeconds(Math.Min(1, shape.Before.TotalSeconds / 2));
        await Task.Delay(warmUp, cancellationToken).ConfigureAwait(false);
        MeasuredWindow steadyStart = await MeasuredWindow.TakeAsync(service.ProcessId(), city.ProcessId, load, service.Metrics, cancellationToken).ConfigureAwait(false);
        await Task.Delay(shape.Before - warmUp, cancellationToken).ConfigureAwait(false);
        MeasuredWindow steadyEnd = await MeasuredWindow.TakeAsync(service.ProcessId(), city.ProcessId, load, service.Metrics, cancellationToken).ConfigureAwait(false);
        long outageStartUnixMs = steadyEnd.UnixMs;
        int ackedBeforeOutage = load.Acknowledged;
        double steadyEventsPerSecond = (steadyEnd.Acknowledged - steadyStart.Acknowledged) / MeasuredWindow.Seconds(steadyStart, steadyEnd);
        await city.StopAsync().ConfigureAwait(false);
        await Task.Delay(shape.Outage, cancellationToken).ConfigureAwait(false);
        await city.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(shape.After, cancellationToken).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
        double loadSeconds = clock.Elapsed.TotalSeconds;

        // Drain: wait while deliveries still make progress, up to the limit. Both phases' events must arrive.
        List<string> acked = load.AcknowledgedKeys();
        List<string> expected = [.. offeredKeys, .. acked];
        var drain = Stopwatch.StartNew();
        int missing = recorder.Missing(expected).Count;
        var lastProgress = Stopwatch.StartNew();
        while (missing > 0 && drain.Elapsed < shape.DrainLimit && lastProgress.Elapsed < shape.StallLimit)
        {
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            int now = recorder.Missing(expected).Count;
            if (now < missing)
            {
                lastProgress.Restart();
            }

            missing = now;
        }

        double[] steady = EndToEndMs(recorder, boot: 3, startedUnixMs + 1000, outageStartUnixMs);
        double[] ack = load.AckLatenciesMs();
        Array.Sort(ack);
        var run = new Run
        {
            Acknowledged = acked.Count,
            EventsPerSecond = acked.Count / loadSeconds,
            OfferedP99Ms = offeredP99Ms,
            OfferedEventsPerSecond = offeredEventsPerSecond,
            SaturatedP99Ms = Percentile(steady, 0.99),
            Lost = missing,
        };
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {name}, closed loop (saturation): {acked.Count} events acknowledged in {loadSeconds:0.0} s = {run.EventsPerSecond:0} events/s ({ackedBeforeOutage} before the outage, steady {steadyEventsPerSecond:0} events/s); " +
            $"publish→PUBACK p50 {Percentile(ack, 0.5):0.0} ms p99 {Percentile(ack, 0.99):0.0} ms; board→city p50 {Percentile(steady, 0.5):0.0} ms p99 {run.SaturatedP99Ms:0.0} ms before the outage")).ConfigureAwait(false);
        foreach (string line in MeasuredWindow.Describe(name, steadyStart, steadyEnd))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {name}, both phases: delivered {expected.Count - missing} of {expected.Count} acknowledged (drained in {drain.Elapsed.TotalSeconds:0.0} s after the load), lost {missing}; " +
            $"out of order {recorder.OrderViolations().Count}; duplicates {recorder.Received - recorder.Distinct}")).ConfigureAwait(false);
        return run;
    }

    /// <summary>
    /// The offered-load phase (boot 2): a Poisson stream at the shape's rate, each event stamped with its scheduled
    /// moment; the figures are taken after its first second (connections made, pacing settled).
    /// </summary>
    private static async Task<(double P99Ms, double EventsPerSecond, List<string> Keys)> DriveOfferedLoadAsync(Service service, List<string> boards, MosquittoBroker city,
        UpstreamRecorder recorder, GatewayBenchmarkShape shape, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        var load = new BoardLoad(boards, "127.0.0.1", service.Port, new BoardLoadOptions
        {
            Boot = 2,
            EventsPerSecondPerBoard = shape.OfferedEventsPerSecond / boards.Count,
            PoissonArrivals = true,
            Seed = seed,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task running = load.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        MeasuredWindow start = await MeasuredWindow.TakeAsync(service.ProcessId(), city.ProcessId, load, service.Metrics, cancellationToken).ConfigureAwait(false);
        await Task.Delay(shape.Offered - TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        MeasuredWindow end = await MeasuredWindow.TakeAsync(service.ProcessId(), city.ProcessId, load, service.Metrics, cancellationToken).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);

        // The window's events are all in once what the boards had acknowledged arrived (or, if something is lost, after a while).
        List<string> keys = load.AcknowledgedKeys();
        var wait = Stopwatch.StartNew();
        while (recorder.Missing(keys).Count > 0 && wait.Elapsed < shape.StallLimit)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        double[] endToEnd = EndToEndMs(recorder, boot: 2, start.UnixMs, end.UnixMs);
        double[] ack = load.AckLatenciesMs();
        Array.Sort(ack);
        double eventsPerSecond = (end.Acknowledged - start.Acknowledged) / MeasuredWindow.Seconds(start, end);
        double[] heldUp = load.HeldUpMs();
        Array.Sort(heldUp);
        double[] timerLate = load.TimerLatenessMs();
        Array.Sort(timerLate);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {service.Name}, offered load {shape.OfferedEventsPerSecond:0} events/s (Poisson): {eventsPerSecond:0} events/s acknowledged; " +
            $"board→city p50 {Percentile(endToEnd, 0.5):0.0} ms p99 {Percentile(endToEnd, 0.99):0.0} ms p99.9 {Percentile(endToEnd, 0.999):0.0} ms max {Percentile(endToEnd, 1):0.0} ms ({endToEnd.Length} events); " +
            $"publish→PUBACK p50 {Percentile(ack, 0.5):0.0} ms p99 {Percentile(ack, 0.99):0.0} ms")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"    an event's latency starts when its board sends it, or at its scheduled moment if its board was still waiting for the previous PUBACK then ({heldUp.Length} events, held up p50 {Percentile(heldUp, 0.5):0.0} ms p99 {Percentile(heldUp, 0.99):0.0} ms: counted); " +
            $"the load generator's own timer lateness for idle boards (p50 {Percentile(timerLate, 0.5):0.0} ms p99 {Percentile(timerLate, 0.99):0.0} ms) is not counted")).ConfigureAwait(false);
        foreach (string line in MeasuredWindow.Describe(service.Name, start, end))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        return (Percentile(endToEnd, 0.99), eventsPerSecond, keys);
    }

    /// <summary>Board→city latencies of the events of <paramref name="boot"/> the boards stamped within [from, to), sorted.</summary>
    private static double[] EndToEndMs(UpstreamRecorder recorder, long boot, long fromUnixMs, long toUnixMs) =>
        recorder.FirstArrivals()
            .Where(e => e.Boot == boot && e.ObservedAtUnixMs >= fromUnixMs && e.ObservedAtUnixMs < toUnixMs)
            .Select(e => (double)e.EndToEndMs).Order().ToArray();

    // A figure the run could not measure (NaN: no event of its window arrived) is null in the JSON, not "NaN".
    private static double? Measured(double value) => double.IsNaN(value) ? null : Math.Round(value, 1);

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    // A phase that measured nothing (no event in its window) reports NaN rather than failing the run.
    private static readonly JsonSerializerOptions JsonOptions = new();

    private static MosquittoSettings CityBrokerSettings => new() { Persistence = true, MaxQueuedMessages = 0, MaxInflightMessages = 100 };

    /// <summary>What is measured: the gateway or the bridge's local Mosquitto, where boards connect, and its metrics (gateway only).</summary>
    private sealed record Service(string Name, int Port, Func<int> ProcessId, Func<CancellationToken, Task<string>>? Metrics);

    private sealed class Run
    {
        public int Acknowledged { get; init; }

        public double EventsPerSecond { get; init; }

        public double OfferedP99Ms { get; init; } = double.NaN;

        public double OfferedEventsPerSecond { get; init; }

        public double SaturatedP99Ms { get; init; } = double.NaN;

        public int Lost { get; init; }

        public double PeakRssMb { get; set; }
    }
}
