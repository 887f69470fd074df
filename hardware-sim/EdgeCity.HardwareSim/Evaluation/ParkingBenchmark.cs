using EdgeCity.HardwareSim.Time;
using System.Collections.Concurrent;
using EdgeCity.HardwareSim.Power;

namespace EdgeCity.HardwareSim.Evaluation;

/// <summary>
/// The parking benchmark: rows of bays under the mixed street conditions, seeded, run in parallel, scored
/// against the truth, with the battery life at 20 sessions a day on a 19 Ah cell from the power model.
/// </summary>
public static class ParkingBenchmark
{
    /// <summary>Sessions a day the battery figure assumes (Nwave's claim: 10 years at 20 sessions/day).</summary>
    public const double SessionsPerDayForBattery = 20;

    /// <summary>Runs the benchmark.</summary>
    public static ParkingBenchmarkResult Run(ParkingBenchmarkOptions options)
    {
        // ~40 minutes per session (mean stay 30 + gap 12, less for short-stay rows): days per row so the
        // rows together reach the target.
        int rows = Math.Max(options.Conditions.Count, (int)Math.Ceiling(options.TargetSessions / (double)(options.BaysPerRow * 120)));
        double sessionsPerRow = options.TargetSessions / (double)rows;
        var records = new ConcurrentBag<(int Row, List<BayRunRecord> Bays)>();
        var selected = Enumerable.Range(0, rows)
            .Where(row => options.OnlyCondition is null || options.Conditions[row % options.Conditions.Count].Name == options.OnlyCondition)
            .ToList();
        Parallel.ForEach(selected, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, row =>
        {
            var conditions = options.Conditions[row % options.Conditions.Count];
            double minutesPerSession = conditions.MeanParkedMinutes + conditions.MeanFreeMinutes + 0.7;
            double days = sessionsPerRow / options.BaysPerRow * minutesPerSession / 1440;
            records.Add((row, ParkingRowRunner.Run(conditions, options.BaysPerRow, days, SeedMix.Combine(options.Seed, row))));
        });

        var bays = records.OrderBy(r => r.Row).SelectMany(r => r.Bays).ToList();
        var overall = ParkingScorer.Score("all", bays);
        var perCondition = bays.GroupBy(b => b.Condition).Select(g => ParkingScorer.Score(g.Key, g)).ToList();
        var byKind = ParkingScorer.ArrivalAccuracyByKind(bays).ToList();

        var model = new BoardPowerModel();
        var cell = new LithiumThionylChlorideCell(19);
        double calmDays = bays.Sum(b => b.Days);
        int sessions = bays.Sum(b => b.Sessions.Count);
        var calm = Sum(bays.Select(b => b.CalmActivity));
        var perSession = Sum(bays.Select(b => b.SessionActivity));

        // One day = the calm activity of an average bay-day + 20 sessions' worth of session activity.
        var day = new BoardActivity(1,
            (long)((calm.CoprocessorSamples / calmDays) + (perSession.CoprocessorSamples / (double)sessions * SessionsPerDayForBattery)),
            (long)((calm.ProcessorWakes / calmDays) + (perSession.ProcessorWakes / (double)sessions * SessionsPerDayForBattery)),
            (long)((calm.DistanceReadings / calmDays) + (perSession.DistanceReadings / (double)sessions * SessionsPerDayForBattery)),
            (long)((calm.RadioSessions / calmDays) + (perSession.RadioSessions / (double)sessions * SessionsPerDayForBattery)),
            (long)((calm.MessagesSent / calmDays) + (perSession.MessagesSent / (double)sessions * SessionsPerDayForBattery)),
            (calm.MagnetometerContinuousSeconds + perSession.MagnetometerContinuousSeconds) / calmDays);
        double microamps = model.AverageMicroamps(day);
        return new ParkingBenchmarkResult(overall, perCondition, byKind, day, microamps, cell.Years(microamps), bays.Sum(b => b.SensorFaults));
    }

    private static BoardActivity Sum(IEnumerable<BoardActivity> activities) => activities.Aggregate(
        new BoardActivity(0, 0, 0, 0, 0, 0),
        (a, b) => new BoardActivity(a.Days + b.Days, a.CoprocessorSamples + b.CoprocessorSamples, a.ProcessorWakes + b.ProcessorWakes,
            a.DistanceReadings + b.DistanceReadings, a.RadioSessions + b.RadioSessions, a.MessagesSent + b.MessagesSent,
            a.MagnetometerContinuousSeconds + b.MagnetometerContinuousSeconds));
}
