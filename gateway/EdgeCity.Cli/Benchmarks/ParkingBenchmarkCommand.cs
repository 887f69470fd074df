using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeCity.HardwareSim.Evaluation;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// <c>bench parking</c>: ≥ 10,000 seeded parking sessions on emulated streets through the firmware's
/// detector; the per-condition breakdown, then one JSON line.
/// </summary>
public static class ParkingBenchmarkCommand
{
    /// <summary>Runs the benchmark and prints the figures.</summary>
    public static async Task<int> RunAsync(int seed, TextWriter output, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var result = ParkingBenchmark.Run(new ParkingBenchmarkOptions { Seed = seed, TargetSessions = 10_500 });
        wall.Stop();

        await output.WriteLineAsync($"bench parking: seed {seed}, {result.Overall.Sessions} sessions, {result.Overall.BayDays:0} bay-days, {wall.Elapsed.TotalSeconds:0.0} s").ConfigureAwait(false);
        await output.WriteLineAsync($"{"condition",-16} {"sessions",8} {"arrivals",9} {"departures",10} {"false/bay-day",13} {"p95 s",6}").ConfigureAwait(false);
        foreach (var c in result.PerCondition.Append(result.Overall))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name,-16} {c.Sessions,8} {c.ArrivalAccuracy,9:0.0000} {c.DepartureAccuracy,10:0.0000} {c.FalseChangesPerBayDay,13:0.000} {c.LatencyP95Seconds,6:0.0}")).ConfigureAwait(false);
        }

        await output.WriteLineAsync("arrival accuracy by vehicle: " + string.Join(", ",
            result.ArrivalAccuracyByKind.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Kind} {k.Accuracy:0.0000} (n={k.Arrivals})")))).ConfigureAwait(false);
        var day = result.DayAt20Sessions;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"power at 20 sessions/day: {day.CoprocessorSamples} coprocessor samples, {day.ProcessorWakes} wakes, {day.DistanceReadings} ranging bursts, {day.RadioSessions} radio sessions, {day.MessagesSent} messages per day → {result.AverageMicroamps:0.0} µA average → {result.BatteryYears:0.0} years on 19 Ah")).ConfigureAwait(false);

        var o = result.Overall;
        await output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            bench = "parking",
            sessions = o.Sessions,
            arrival_accuracy = Math.Round(o.ArrivalAccuracy, 4),
            departure_accuracy = Math.Round(o.DepartureAccuracy, 4),
            false_changes_per_bay_day = Math.Round(o.FalseChangesPerBayDay, 4),
            latency_p95_s = Math.Round(o.LatencyP95Seconds, 2),
            battery_years = Math.Round(result.BatteryYears, 1),
        })).ConfigureAwait(false);
        return 0;
    }
}
