namespace EdgeCity.HardwareSim.Street;

/// <summary>
/// Draws every bay's sequence of parking sessions for a run: empty gaps (exponential) and stays (log-normal,
/// at least 2 minutes), with pull-in and pull-out manoeuvres of a few seconds. Seeded.
/// </summary>
public static class SessionSchedule
{
    private const long PullInMs = 6_000;
    private const long PullOutMs = 5_000;
    private const long MinimumGapMs = 30_000;

    /// <summary>Sessions of <paramref name="bays"/> bays between <paramref name="startMs"/> and <paramref name="endMs"/>, ordered per bay.</summary>
    public static List<ParkingSession> Draw(int bays, long startMs, long endMs, StreetConditions conditions, Random random)
    {
        var catalog = new VehicleCatalog(random);
        var sessions = new List<ParkingSession>();
        for (int bay = 0; bay < bays; bay++)
        {
            long t = startMs + Exponential(random, conditions.MeanFreeMinutes * 60_000);
            while (true)
            {
                long stayMs = Math.Max(120_000, LogNormal(random, conditions.MeanParkedMinutes * 60_000));
                long parked = t + PullInMs;
                long departure = parked + stayMs;
                if (departure + PullOutMs >= endMs)
                {
                    break;
                }

                var vehicle = conditions.OnlyKind is { } kind ? catalog.Next(kind) : catalog.Next();
                sessions.Add(new ParkingSession(bay, vehicle,
                    (random.NextDouble() * 2 - 1) * conditions.MaxLateralOffsetM,
                    (random.NextDouble() * 2 - 1) * 0.5,
                    (random.NextDouble() * 2 - 1) * conditions.MaxAngleDegrees * Math.PI / 180,
                    t, parked, departure, departure + PullOutMs));
                t = departure + PullOutMs + MinimumGapMs + Exponential(random, conditions.MeanFreeMinutes * 60_000);
            }
        }

        return sessions;
    }

    private static long Exponential(Random random, double meanMs) => (long)(-Math.Log(1 - random.NextDouble()) * meanMs);

    // Log-normal with σ = 0.8 and the given mean.
    private static long LogNormal(Random random, double meanMs)
    {
        const double sigma = 0.8;
        double mu = Math.Log(meanMs) - (sigma * sigma / 2);
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        double normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return (long)Math.Exp(mu + (sigma * normal));
    }
}
