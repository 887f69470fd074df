namespace EdgeCity.Cli.Benchmarks;

/// <summary>How long and how wide <c>bench gateway</c> runs.</summary>
/// <param name="Boards">Simulated boards (bays of boards.json, cloned up to this number).</param>
/// <param name="Before">Closed-loop load before the outage.</param>
/// <param name="Outage">How long the city's broker is stopped.</param>
/// <param name="After">Load after it is back.</param>
/// <param name="DrainLimit">Longest wait for deliveries after the load stopped.</param>
/// <param name="StallLimit">Stop waiting once nothing more arrived for this long (what is missing then is lost).</param>
/// <param name="WarmUp">
/// Load before the measured run (boot 1; the run is boot 2): the gateway is a service that runs for months, so it is
/// measured after the JIT has compiled its hot path with tiered PGO, not during it (perf showed the JIT at 14% of
/// the gateway's CPU in the first seconds).
/// </param>
/// <param name="OfferedEventsPerSecond">
/// The fleet's rate in the offered-load phase (Poisson arrivals, boot 2), where the headline p99 is measured.
/// </param>
/// <param name="Offered">
/// How long the offered-load phase runs (its first second is not measured). 30 s measured: over 10 s, 1% of the events
/// is 100 ms of them, so a single stall of that length (a slow fsync, a scheduling hiccup) decided the p99 alone, and
/// runs on the same idle machine gave 17 to 128 ms.
/// </param>
internal sealed record GatewayBenchmarkShape(int Boards, TimeSpan Before, TimeSpan Outage, TimeSpan After, TimeSpan DrainLimit, TimeSpan StallLimit, TimeSpan WarmUp,
    double OfferedEventsPerSecond, TimeSpan Offered)
{
    /// <summary>
    /// The benchmark as the issue specifies it: a 30 s outage; latency measured at 20,480 events/s offered (256 boards
    /// × 80/s), at least the 20,000 events/s the issue asks for, about two thirds of what the gateway takes at saturation
    /// on this machine when it is otherwise idle.
    /// </summary>
    public static GatewayBenchmarkShape Full { get; } = new(256, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(120),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(8), 20_480, TimeSpan.FromSeconds(31));

    /// <summary>
    /// Room the city's recorder keeps from the start: every phase at 40,000 events/s, more than this machine reaches
    /// (it then never grows its tables while it measures).
    /// </summary>
    public int ExpectedEvents => (int)(40_000 * (WarmUp + Offered + Before + Outage + After).TotalSeconds);

    /// <summary>A few seconds, for the test that checks the output.</summary>
    public static GatewayBenchmarkShape Tiny { get; } = new(8, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20),
        TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), 200, TimeSpan.FromSeconds(2));
}
