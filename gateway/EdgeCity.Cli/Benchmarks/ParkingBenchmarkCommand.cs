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
    /// <summary>Sessions of the full run.</summary>
    public const int FullSessions = 10_500;

    /// <summary>Runs the benchmark and prints the figures.</summary>
    public static Task<int> RunAsync(int seed, TextWriter output, CancellationToken cancellationToken) =>
        PrintAsync(seed, new ParkingBenchmarkOptions { Seed = seed, TargetSessions = FullSessions }, output);

    /// <summary>
    /// <c>bench parking --sessions N --condition NAME</c>: fewer sessions and/or only the rows of one condition of
    /// the mix, while iterating. The figures the issue's targets are judged on are the full run's.
    /// </summary>
    public static async Task<int> RunReducedAsync(int seed, int? sessions, string? condition, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (sessions is < 1)
        {
            await error.WriteLineAsync($"bench parking: --sessions {sessions}: expected a count ≥ 1").ConfigureAwait(false);
            return 2;
        }

        if (condition is not null)
        {
            if (!ParkingConditionMix.Default.Any(c => c.Name == condition))
            {
                await error.WriteLineAsync($"bench parking: --condition '{condition}': expected one of: {string.Join(", ", ParkingConditionMix.Default.Select(c => c.Name))}").ConfigureAwait(false);
                return 2;
            }
        }

        // The rows are laid out as for the whole mix, so `--condition NAME` alone reproduces the full run's rows of
        // that condition (same seeds), at a twelfth of the time.
        return await PrintAsync(seed, new ParkingBenchmarkOptions { Seed = seed, TargetSessions = sessions ?? FullSessions, OnlyCondition = condition }, output).ConfigureAwait(false);
    }

    private static async Task<int> PrintAsync(int seed, ParkingBenchmarkOptions options, TextWriter output)
    {
        var wall = Stopwatch.StartNew();
        var result = ParkingBenchmark.Run(options);
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
