namespace EdgeCity.Cli.Benchmarks;

/// <summary>How long and how wide <c>bench gateway</c> runs.</summary>
/// <param name="Boards">Simulated boards (bays of boards.json, cloned up to this number).</param>
/// <param name="Before">Load before the outage.</param>
/// <param name="Outage">How long the city's broker is stopped.</param>
/// <param name="After">Load after it is back.</param>
/// <param name="DrainLimit">Longest wait for deliveries after the load stopped.</param>
/// <param name="StallLimit">Stop waiting once nothing more arrived for this long (what is missing then is lost).</param>
/// <param name="WarmUp">
/// Load before the measured run (boot 1; the run is boot 2): the gateway is a service that runs for months, so it is
/// measured after the JIT has compiled its hot path with tiered PGO, not during it (perf showed the JIT at 14% of
/// the gateway's CPU in the first seconds).
/// </param>
internal sealed record GatewayBenchmarkShape(int Boards, TimeSpan Before, TimeSpan Outage, TimeSpan After, TimeSpan DrainLimit, TimeSpan StallLimit, TimeSpan WarmUp)
{
    /// <summary>The benchmark as the issue specifies it: a 30 s outage.</summary>
    public static GatewayBenchmarkShape Full { get; } = new(256, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(8));

    /// <summary>A few seconds, for the test that checks the output.</summary>
    public static GatewayBenchmarkShape Tiny { get; } = new(8, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
}
