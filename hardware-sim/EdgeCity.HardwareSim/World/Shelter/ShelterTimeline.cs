namespace EdgeCity.HardwareSim.World.Shelter;

/// <summary>
/// Draws a shelter's events and its people for a stretch of virtual time, from a seed: traffic by hour, wind
/// by the day's weather, rain spells, knocks, and vandalism (kicks, bat strikes, sustained attacks, tilting,
/// tearing off) mostly at night. Rates and magnitudes are assumptions, listed in docs/shelter-board.md.
/// </summary>
public static class ShelterTimeline
{
    private const double HourMs = 3_600_000;

    // Buses per hour pulling in at one stop, by local hour (Songdo routes overlap at the busy stops).
    private static readonly double[] BusesPerHour = [0, 0, 0, 0, 0, 6, 12, 14, 14, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 12, 12, 10, 8, 6];

    // People arriving at the stop per hour, by local hour.
    private static readonly double[] PeoplePerHour = [1, 0.5, 0.3, 0.3, 1, 6, 20, 35, 30, 15, 12, 12, 14, 12, 12, 15, 20, 30, 30, 20, 14, 10, 6, 3];

    /// <summary>Rates of vandalism per shelter-month (the bench's incident mix).</summary>
    public static readonly IReadOnlyDictionary<ShelterEventKind, double> VandalismPerMonth = new Dictionary<ShelterEventKind, double>
    {
        [ShelterEventKind.Kick] = 1.2,
        [ShelterEventKind.BatStrike] = 0.5,
        [ShelterEventKind.SustainedVandalism] = 0.4,
        [ShelterEventKind.Tilt] = 0.25,
        [ShelterEventKind.TearOff] = 0.15,
    };

    /// <summary>Draws the events between <paramref name="startUtc"/> and <paramref name="endUtc"/>, sorted by start.</summary>
    public static List<ShelterEvent> Events(DateTimeOffset startUtc, DateTimeOffset endUtc, int utcOffsetMinutes, Random random)
    {
        var events = new List<ShelterEvent>();
        double start = startUtc.ToUnixTimeMilliseconds(), end = endUtc.ToUnixTimeMilliseconds();
        double offsetMs = utcOffsetMinutes * 60_000.0;
        for (double hour = start; hour < end; hour += HourMs)
        {
            int localHour = (int)(((hour + offsetMs) / HourMs) % 24);
            Poisson(random, BusesPerHour[localHour], hour, events, (t, r) => Oscillation(ShelterEventKind.Bus, t, r, 20, 120, 8, 15, 4_000, 8_000, 0.7));
            Poisson(random, localHour is >= 6 and <= 22 ? 4 : 1, hour, events, (t, r) => r.NextDouble() < 0.15
                ? Oscillation(ShelterEventKind.Truck, t, r, 300, 650, 5, 9, 800, 2_000, 0.7)
                : Oscillation(ShelterEventKind.Truck, t, r, 40, 250, 6, 14, 3_000, 6_000, 0.7));
            Poisson(random, localHour is >= 7 and <= 22 ? 3.0 / 16 : 0, hour, events, Knock);
        }

        for (double day = start; day < end; day += 24 * HourMs)
        {
            double weather = random.NextDouble();
            var (gustsPerHour, low, high) = weather < 0.65 ? (4.0, 10.0, 60.0) : weather < 0.93 ? (30.0, 30.0, 160.0) : (90.0, 80.0, 350.0);
            for (double hour = day; hour < Math.Min(day + (24 * HourMs), end); hour += HourMs)
            {
                Poisson(random, gustsPerHour, hour, events, (t, r) => Oscillation(ShelterEventKind.WindGust, t, r, low, high, 0.8, 3.5, 3_000, 8_000, 0.1));
            }

            if (random.NextDouble() < 0.3)
            {
                int spells = random.Next(1, 4);
                for (int i = 0; i < spells; i++)
                {
                    double t = day + (random.NextDouble() * 24 * HourMs);
                    double length = (20 + (random.NextDouble() * 100)) * 60_000;
                    events.Add(new ShelterEvent
                    {
                        Kind = ShelterEventKind.Rain, StartUnixMs = t, EndUnixMs = t + length, MaxDeviationMg = 20 + (random.NextDouble() * 60),
                        FrequencyHz = 40, Seed = random.Next(), VerticalShare = 0.9,
                    });
                }
            }
        }

        double months = (end - start) / (30 * 24 * HourMs);
        foreach (var (kind, perMonth) in VandalismPerMonth)
        {
            int count = PoissonCount(random, perMonth * months);
            for (int i = 0; i < count; i++)
            {
                events.Add(Vandalism(kind, VandalismTime(random, start, end, offsetMs), random));
            }
        }

        events.RemoveAll(e => e.StartUnixMs >= end);
        events.Sort((a, b) => a.StartUnixMs.CompareTo(b.StartUnixMs));
        return events;
    }

    /// <summary>Intervals in which the PIR sees motion (arrivals, fidgeting, departures), sorted, non-overlapping.</summary>
    public static List<(double From, double To)> Presence(DateTimeOffset startUtc, DateTimeOffset endUtc, int utcOffsetMinutes, Random random)
    {
        var raw = new List<(double, double)>();
        double start = startUtc.ToUnixTimeMilliseconds(), end = endUtc.ToUnixTimeMilliseconds();
        for (double hour = start; hour < end; hour += HourMs)
        {
            int localHour = (int)(((hour + (utcOffsetMinutes * 60_000.0)) / HourMs) % 24);
            int people = PoissonCount(random, PeoplePerHour[localHour]);
            for (int p = 0; p < people; p++)
            {
                double arrive = hour + (random.NextDouble() * HourMs);
                double stay = (1 + (random.NextDouble() * 12)) * 60_000;

                // The PIR sees walking in and out, and the waiting person's movements now and then.
                raw.Add((arrive, arrive + 6_000));
                for (double t = arrive + 60_000 + (random.NextDouble() * 60_000); t < arrive + stay; t += 60_000 + (random.NextDouble() * 90_000))
                {
                    raw.Add((t, t + 3_000));
                }

                raw.Add((arrive + stay, arrive + stay + 5_000));
            }
        }

        raw.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        var merged = new List<(double From, double To)>();
        foreach (var (from, to) in raw)
        {
            if (merged.Count > 0 && from <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return merged;
    }

    private static ShelterEvent Vandalism(ShelterEventKind kind, double t, Random r)
    {
        double direction = r.NextDouble() * 2 * Math.PI;
        switch (kind)
        {
            case ShelterEventKind.Kick:
                return Hits(kind, t, r, r.Next(1, 4), 2_500, 6_000, 800, 2_000, 20, 40, direction);
            case ShelterEventKind.BatStrike:
                return Hits(kind, t, r, r.Next(1, 6), 4_000, 15_000, 1_000, 3_000, 25, 50, direction);
            case ShelterEventKind.SustainedVandalism:
            {
                int n = r.Next(10, 51);
                double spacing = (60_000 + (r.NextDouble() * 240_000)) / n;
                return Hits(kind, t, r, n, 800, 8_000, spacing * 0.5, spacing * 1.5, 20, 50, direction);
            }

            case ShelterEventKind.Tilt:
            {
                var pry = Hits(kind, t, r, r.Next(1, 3), 1_000, 2_000, 500, 1_500, 20, 40, direction);
                double rampEnd = pry.EndUnixMs + 3_000;
                return new ShelterEvent
                {
                    Kind = kind, StartUnixMs = t, EndUnixMs = rampEnd, MaxDeviationMg = pry.MaxDeviationMg + 1000,
                    HitTimesUnixMs = pry.HitTimesUnixMs, HitPeaksMg = pry.HitPeaksMg, FrequencyHz = pry.FrequencyHz, DecayMs = pry.DecayMs,
                    DirectionRadians = direction, TiltDegrees = 25 + (r.NextDouble() * 30), RestoredUnixMs = rampEnd + (2 * HourMs),
                };
            }

            default:
            {
                var pry = Hits(kind, t, r, r.Next(3, 7), 1_000, 3_000, 500, 1_200, 20, 40, direction);
                double fall = pry.EndUnixMs + 200;
                double fallEnd = fall + 300 + (r.NextDouble() * 150);
                double crash = 8_000 + (r.NextDouble() * 7_000);
                return new ShelterEvent
                {
                    Kind = kind, StartUnixMs = t, EndUnixMs = fallEnd + 500, MaxDeviationMg = crash + 1000,
                    HitTimesUnixMs = [.. pry.HitTimesUnixMs, fallEnd], HitPeaksMg = [.. pry.HitPeaksMg, crash],
                    FrequencyHz = pry.FrequencyHz, DecayMs = pry.DecayMs, DirectionRadians = direction, TiltDegrees = 90,
                    FallStartUnixMs = fall, FallEndUnixMs = fallEnd, RestoredUnixMs = fallEnd + (6 * HourMs),
                };
            }
        }
    }

    private static ShelterEvent Knock(double t, Random r)
    {
        double u = r.NextDouble();
        int hits = u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
        return Hits(ShelterEventKind.Knock, t, r, hits, 200, 900, 300, 800, 30, 60, r.NextDouble() * 2 * Math.PI, decayLow: 8, decayHigh: 18);
    }

    private static ShelterEvent Hits(ShelterEventKind kind, double t, Random r, int count, double peakLow, double peakHigh,
        double spacingLow, double spacingHigh, double fLow, double fHigh, double direction, double decayLow = 15, double decayHigh = 40)
    {
        var times = new double[count];
        var peaks = new double[count];
        double at = t;
        for (int i = 0; i < count; i++)
        {
            times[i] = at;
            peaks[i] = peakLow + (r.NextDouble() * (peakHigh - peakLow));
            at += spacingLow + (r.NextDouble() * (spacingHigh - spacingLow));
        }

        double decay = decayLow + (r.NextDouble() * (decayHigh - decayLow));
        return new ShelterEvent
        {
            Kind = kind, StartUnixMs = t, EndUnixMs = times[^1] + (8 * decay), MaxDeviationMg = peaks.Max(),
            HitTimesUnixMs = times, HitPeaksMg = peaks, FrequencyHz = fLow + (r.NextDouble() * (fHigh - fLow)), DecayMs = decay,
            DirectionRadians = direction, VerticalShare = 0.25,
        };
    }

    private static ShelterEvent Oscillation(ShelterEventKind kind, double t, Random r, double ampLow, double ampHigh,
        double fLow, double fHigh, double durLow, double durHigh, double vertical)
    {
        double amplitude = ampLow + (r.NextDouble() * (ampHigh - ampLow));
        return new ShelterEvent
        {
            Kind = kind, StartUnixMs = t, EndUnixMs = t + durLow + (r.NextDouble() * (durHigh - durLow)), MaxDeviationMg = amplitude,
            AmplitudeMg = amplitude, FrequencyHz = fLow + (r.NextDouble() * (fHigh - fLow)), DirectionRadians = r.NextDouble() * 2 * Math.PI,
            VerticalShare = vertical,
        };
    }

    private static double VandalismTime(Random r, double start, double end, double offsetMs)
    {
        // Six in ten at night (22:00–04:00 local), the rest at any time.
        double t = start + (r.NextDouble() * (end - start));
        if (r.NextDouble() < 0.6)
        {
            double localMidnight = Math.Floor((t + offsetMs) / (24 * HourMs)) * 24 * HourMs - offsetMs;
            t = localMidnight - (2 * HourMs) + (r.NextDouble() * 6 * HourMs);
        }

        return Math.Clamp(t, start, end - (3 * HourMs));
    }

    private static void Poisson(Random r, double perHour, double hourStart, List<ShelterEvent> events, Func<double, Random, ShelterEvent> make)
    {
        int n = PoissonCount(r, perHour);
        for (int i = 0; i < n; i++)
        {
            events.Add(make(hourStart + (r.NextDouble() * HourMs), r));
        }
    }

    private static int PoissonCount(Random r, double mean)
    {
        // Knuth's method; means here are small (≤ 120).
        if (mean <= 0)
        {
            return 0;
        }

        double limit = Math.Exp(-mean), p = 1;
        int k = 0;
        do
        {
            k++;
            p *= r.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
