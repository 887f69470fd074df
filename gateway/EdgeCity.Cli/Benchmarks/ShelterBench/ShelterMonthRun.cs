using EdgeCity.Firmware.Shelter;
using EdgeCity.Firmware.Uplink;
using EdgeCity.HardwareSim.Boards;
using System.Diagnostics;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World.Shelter;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Benchmarks.ShelterBench;

/// <summary>
/// Runs one shelter board for one month of virtual time in its seeded world, recording its MQTT session for
/// the replay through the real gateway, and scores the alarms against the world's ground truth.
/// </summary>
internal static class ShelterMonthRun
{
    // Modelled parts of the alarm latency (the rest is simulated or measured; see docs/shelter-board.md):
    // reading INT_SOURCE and a full FIFO over 400 kHz I2C: (2 + 32 × 7) bytes × 9 bits / 400 kHz ≈ 5 ms.
    private const double FifoReadMs = 5.1;

    // One-way radio latency of the board's LTE link (assumed, not measured): log-normal, median 40 ms, p95 ~90 ms.
    private const double RadioMedianMs = 40, RadioSigma = 0.5;

    private static readonly byte[] DefaultSchedule = "{\"firstBus\":\"05:30\",\"lastBus\":\"23:30\"}"u8.ToArray();

    /// <summary>Runs month <paramref name="monthIndex"/> of <paramref name="shelter"/>.</summary>
    public static ShelterMonthResult Run(Shelter shelter, int monthIndex, int seed)
    {
        long wallStart = Stopwatch.GetTimestamp();
        var start = new DateTimeOffset(2026 + (monthIndex / 12), 1 + (monthIndex % 12), 1, 0, 0, 0, TimeSpan.Zero).AddHours(-9);
        var end = start.AddDays(30);
        int monthSeed = SeedMix.Combine(SeedMix.Combine(seed, shelter.Id), monthIndex);
        var clock = new VirtualClock(start);
        var world = new ShelterWorld(() => clock.NowUnixMs, start, end, shelter.Location.Lat, shelter.Location.Lon, monthSeed);
        var settings = new ShelterSettings
        {
            // The page changes every 10 virtual minutes instead of every 5 s: energy depends on brightness and
            // lit pixels, not on how often the language rotates, and 1,000 months must fit in minutes.
            RotationIntervalMs = 600_000,
            DisplayProbeIntervalMs = 3_600_000,
        };
        var radio = new ShelterBenchRadio(clock);

        // The condition: the default schedule (first bus 05:30, last 23:30), delivered as the gateway
        // delivers it: retained on the board's schedule channel, read by the firmware after it connects.
        radio.Retained.Add((new BoardTopics(shelter.Id).ScheduleDownlink, DefaultSchedule));
        using var board = new SimulatedShelterBoard(shelter.Id, clock, world, radio, monthSeed, settings, bootCount: monthIndex + 1);
        SongdoContent.Push(board.Program, shelter);
        board.RunUntil(end.ToUnixTimeMilliseconds());
        board.Program.Uplink.Close();

        var result = new ShelterMonthResult
        {
            PanelMillijoules = board.Program.Energy.PanelMillijoules,
            PanelBaselineMillijoules = board.Program.Energy.PanelBaselineMillijoules,
            BoardMillijoules = board.Program.Energy.UsedMillijoules,
            BoardBaselineMillijoules = board.Program.Energy.BaselineMillijoules,
            SamplesEmulated = board.Accelerometer.SamplesEmulated,
            Wakes = board.Wakes,
            InterruptWakes = board.InterruptWakes,
            Session = radio.Session,
            ScheduleApplied = board.Program.SchedulesApplied > 0 && board.Program.Hours.FirstBusMinute == 330 && board.Program.Hours.LastBusMinute == 1410,
        };
        Score(world, radio.Session, result, new Random(monthSeed ^ 0x7AD10));
        result.SimulationMs = Stopwatch.GetElapsedTime(wallStart).TotalMilliseconds;
        return result;
    }

    private static void Score(ShelterWorld world, ShelterBenchSession radio, ShelterMonthResult result, Random radioLatency)
    {
        var matched = new bool[radio.Alarms.Count];
        foreach (var incident in world.Events.Where(e => e.IsVandalism))
        {
            var (from, to) = Window(incident);
            int first = -1;
            for (int i = 0; i < radio.Alarms.Count; i++)
            {
                long impact = radio.Alarms[i].Alarm.GetProperty("impactTs").GetInt64();
                if (impact >= from && impact <= to)
                {
                    matched[i] = true;
                    first = first < 0 ? i : first;
                }
            }

            var (incidents, alarmed) = result.Vandalism.GetValueOrDefault(incident.Kind);
            result.Vandalism[incident.Kind] = (incidents + 1, alarmed + (first >= 0 ? 1 : 0));
            if (first >= 0)
            {
                var (published, _) = radio.Alarms[first];
                double decisive = DecisiveMoment(incident, published);
                double onAir = RadioMedianMs * Math.Exp(RadioSigma * Gaussian(radioLatency));
                double board = published - decisive + FifoReadMs;
                result.Latencies.Add((incident.Kind, board + onAir, published - incident.FirstImpactUnixMs + FifoReadMs + onAir, first));
            }
        }

        for (int i = 0; i < matched.Length; i++)
        {
            if (!matched[i])
            {
                long impact = radio.Alarms[i].Alarm.GetProperty("impactTs").GetInt64();
                var cause = world.Events.LastOrDefault(e => e.StartUnixMs <= impact + 1000 && e.EndUnixMs >= impact - 2000);
                string key = (cause?.Kind.ToString() ?? "none") + "→" + radio.Alarms[i].Alarm.GetProperty("alarm").GetString();
                result.FalseAlarms[key] = result.FalseAlarms.GetValueOrDefault(key) + 1;
            }
        }
    }

    // Alarms about an incident: from its start to shortly after it ends; for tilt and tear-off until the unit is repaired.
    private static (double From, double To) Window(ShelterEvent e) => e.Kind is ShelterEventKind.Tilt or ShelterEventKind.TearOff
        ? (e.StartUnixMs - 1000, e.RestoredUnixMs)
        : (e.StartUnixMs - 1000, e.EndUnixMs + 3000);

    // The moment that made the incident alarm-worthy: the last impact (or the end of the tilt, the start of the fall) before the alarm left.
    private static double DecisiveMoment(ShelterEvent e, long publishedUnixMs)
    {
        double moment = e.FirstImpactUnixMs;
        foreach (double hit in e.HitTimesUnixMs)
        {
            if (hit <= publishedUnixMs)
            {
                moment = hit;
            }
        }

        if (e.Kind == ShelterEventKind.Tilt)
        {
            // No impact: the moment the unit passed the firmware's 20° threshold on its 3 s ramp.
            moment = e.EndUnixMs - 3000 + (3000 * Math.Min(1, 20 / e.TiltDegrees));
        }

        if (e.Kind == ShelterEventKind.TearOff && e.FallStartUnixMs <= publishedUnixMs && e.FallEndUnixMs > moment)
        {
            moment = Math.Min(Math.Max(moment, e.FallStartUnixMs), publishedUnixMs);
        }

        return moment;
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * random.NextDouble());
    }
}
