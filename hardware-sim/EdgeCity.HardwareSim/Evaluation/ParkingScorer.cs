using EdgeCity.HardwareSim.Street;

namespace EdgeCity.HardwareSim.Evaluation;

/// <summary>
/// Matches each bay's reports against its true events. The true arrival is when the vehicle stands still in
/// the bay; the true departure is when it has cleared the bay. A report of the right state counts for an event
/// when it falls within [event − <see cref="EarlyMs"/>, event + <see cref="LateMs"/>] (early: a sensor may
/// decide during the manoeuvre); an event is correct when exactly one report matches it. Reports that match
/// nothing are false changes. Latency is report time minus event time (0 when early).
/// </summary>
public static class ParkingScorer
{
    /// <summary>How early a report may come, ms (the pull-in manoeuvre lasts 6 s).</summary>
    public const long EarlyMs = 6_000;

    /// <summary>How late a report may come and still count, ms.</summary>
    public const long LateMs = 15_000;

    /// <summary>Scores bays together under one name.</summary>
    public static ParkingScore Score(string name, IEnumerable<BayRunRecord> bays)
    {
        int sessions = 0, arrivals = 0, arrivalsOk = 0, departures = 0, departuresOk = 0, falseChanges = 0;
        double bayDays = 0;
        var latencies = new List<double>();
        foreach (var bay in bays)
        {
            bayDays += bay.Days;
            sessions += bay.Sessions.Count;
            var events = bay.Sessions
                .SelectMany(s => new[] { (AtMs: s.ParkedMs, State: "occupied"), (AtMs: s.GoneMs, State: "free") })
                .OrderBy(e => e.AtMs).ToList();

            // The first "free" is the calibration at boot, before any vehicle: not a change of the street.
            var reports = bay.Reports.Skip(bay.Reports.Count > 0 && bay.Reports[0].State == "free" ? 1 : 0).ToList();
            var used = new bool[reports.Count];
            foreach (var e in events)
            {
                var matching = Enumerable.Range(0, reports.Count)
                    .Where(i => !used[i] && reports[i].State == e.State && reports[i].AtMs >= e.AtMs - EarlyMs && reports[i].AtMs <= e.AtMs + LateMs)
                    .ToList();
                foreach (int i in matching)
                {
                    used[i] = true;
                }

                bool correct = matching.Count == 1;
                if (e.State == "occupied")
                {
                    arrivals++;
                    arrivalsOk += correct ? 1 : 0;
                }
                else
                {
                    departures++;
                    departuresOk += correct ? 1 : 0;
                }

                if (matching.Count > 0)
                {
                    latencies.Add(Math.Max(0, reports[matching[0]].AtMs - e.AtMs) / 1000.0);
                    falseChanges += matching.Count - 1;
                }
            }

            falseChanges += used.Count(u => !u);
        }

        latencies.Sort();
        double p95 = latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(0.95 * latencies.Count))];
        return new ParkingScore(name, sessions, arrivals, arrivalsOk, departures, departuresOk, falseChanges, bayDays, p95);
    }

    /// <summary>Arrival accuracy per vehicle kind, to show which vehicles are hard.</summary>
    public static IEnumerable<(VehicleKind Kind, int Arrivals, double Accuracy)> ArrivalAccuracyByKind(IEnumerable<BayRunRecord> bays)
    {
        var all = bays.ToList();
        foreach (var kind in Enum.GetValues<VehicleKind>())
        {
            var perBay = all.Select(b => b with
            {
                Sessions = b.Sessions.Where(s => s.Vehicle.Kind == kind).ToList(),
                Reports = b.Reports,
            });
            int arrivals = 0, ok = 0;
            foreach (var bay in perBay.Where(b => b.Sessions.Count > 0))
            {
                // Score only the arrivals of this kind against all of the bay's reports.
                foreach (var s in bay.Sessions)
                {
                    arrivals++;
                    int matches = bay.Reports.Count(r => r.State == "occupied" && r.AtMs >= s.ParkedMs - EarlyMs && r.AtMs <= s.ParkedMs + LateMs);
                    ok += matches == 1 ? 1 : 0;
                }
            }

            if (arrivals > 0)
            {
                yield return (kind, arrivals, (double)ok / arrivals);
            }
        }
    }
}
