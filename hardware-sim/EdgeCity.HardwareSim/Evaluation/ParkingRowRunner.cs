using System.Text.Json;
using EdgeCity.Firmware.Parking;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Power;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Street;
using EdgeCity.HardwareSim.Time;

namespace EdgeCity.HardwareSim.Evaluation;

/// <summary>
/// Runs one row of bays through a stretch of virtual time: street, emulated chips, the firmware, an air log
/// for a radio. Splits each board's activity into calm time and the ±seconds around each arrival/departure,
/// so the power model can scale sessions to 20 a day.
/// </summary>
public static class ParkingRowRunner
{
    private const long EventWindowBeforeMs = 10_000;
    private const long EventWindowAfterMs = 40_000;

    /// <summary>Runs <paramref name="bays"/> bays for <paramref name="days"/> days under <paramref name="conditions"/>.</summary>
    public static List<BayRunRecord> Run(StreetConditions conditions, int bays, double days, int seed)
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        long startMs = clock.NowUnixMs;
        long endMs = startMs + (long)(days * 86_400_000);
        var random = new Random(seed);
        var row = new StreetRow(bays, clock, endMs, conditions, random);
        // The HMC5883L boards average 8 conversions per output (Hmc5883lMagnetometer) and run the settings for that.
        var settings = conditions.Magnetometer == ParkingMagnetometerModel.Hmc5883l
            ? ParkingSensorSettings.ForAveragedHmc5883l() : new ParkingSensorSettings();
        var radios = new AirLogTransport[bays];
        var boards = new SimulatedParkingBoard[bays];
        for (int b = 0; b < bays; b++)
        {
            radios[b] = new AirLogTransport(() => clock.NowUnixMs);
            boards[b] = new SimulatedParkingBoard($"pk-bench-{b:000}", clock, new BaySensorSite(row, b), radios[b], random.Next(), settings, conditions.DistanceSensors, conditions.Magnetometer);
        }

        var windows = Enumerable.Range(0, bays).Select(b => row.Sessions.Where(s => s.Bay == b)
            .SelectMany(s => new[] { (s.ArrivalStartMs - EventWindowBeforeMs, s.ParkedMs + EventWindowAfterMs), (s.DepartureStartMs - EventWindowBeforeMs, s.GoneMs + EventWindowAfterMs) })
            .ToArray()).ToArray();
        var cursor = new int[bays];
        var calm = new long[bays, 6];
        var session = new long[bays, 6];
        var last = new long[bays, 6];

        int tick = settings.FastIntervalMs;
        while (clock.NowUnixMs < endMs)
        {
            clock.Advance(tick);
            long now = clock.NowUnixMs;
            for (int b = 0; b < bays; b++)
            {
                var board = boards[b];
                board.Step();
                while (cursor[b] < windows[b].Length && windows[b][cursor[b]].Item2 < now)
                {
                    cursor[b]++;
                }

                bool inWindow = cursor[b] < windows[b].Length && windows[b][cursor[b]].Item1 <= now;
                var bucket = inWindow ? session : calm;
                Account(bucket, last, b, 0, board.CoprocessorSamples);
                Account(bucket, last, b, 1, board.TotalWakes);
                Account(bucket, last, b, 2, board.Program.DistanceReadings);
                Account(bucket, last, b, 3, radios[b].Connects);
                Account(bucket, last, b, 4, radios[b].Log.Count);
                Account(bucket, last, b, 5, board.AutonomousChipSamples * tick);
            }
        }

        return Enumerable.Range(0, bays).Select(b => new BayRunRecord(
            conditions.Name,
            row.Sessions.Where(s => s.Bay == b).ToList(),
            StateReports(radios[b]),
            days,
            Activity(calm, b, days),
            Activity(session, b, days),
            boards[b].Program.SensorFaults)).ToList();
    }

    private static void Account(long[,] bucket, long[,] last, int bay, int counter, long value)
    {
        bucket[bay, counter] += value - last[bay, counter];
        last[bay, counter] = value;
    }

    private static BoardActivity Activity(long[,] counts, int bay, double days) =>
        new(days, counts[bay, 0], counts[bay, 1], counts[bay, 2], counts[bay, 3], counts[bay, 4], counts[bay, 5] / 1000.0);

    private static List<(long AtMs, string State)> StateReports(AirLogTransport radio) =>
        radio.Log.Where(m => m.Topic.EndsWith("/state", StringComparison.Ordinal)).Select(m =>
        {
            using var json = JsonDocument.Parse(m.Payload);
            return (json.RootElement.GetProperty("ts").GetInt64(), json.RootElement.GetProperty("state").GetString()!);
        }).ToList();
}
