using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World;

namespace EdgeCity.HardwareSim.Street;

/// <summary>
/// A row of perpendicular parking bays 2.5 m apart with an in-ground sensor at each bay's centre, and
/// everything that moves their fields: the vehicles in the bay and its neighbours (pulling in and out, parked
/// off-centre and at an angle), traffic passing in the lane, trams, the road's daily temperature swing, and
/// each sensor's installation (yaw, rebar nearby). Sensor frame and world frame: x along the row, y into the
/// bay, z up. Positions are evaluated at the clock's current virtual time.
/// </summary>
public sealed class StreetRow
{
    /// <summary>Centre-to-centre distance of bays, metres.</summary>
    public const double BayPitchM = 2.5;

    // The row runs east: world x east, y north, z up, as BusanGeomagneticField.
    private const double EarthX = BusanGeomagneticField.EastNanotesla, EarthY = BusanGeomagneticField.NorthNanotesla, EarthZ = BusanGeomagneticField.UpNanotesla;

    private readonly VirtualClock _clock;
    private readonly StreetConditions _conditions;
    private readonly List<ParkingSession>[] _sessionsByBay;
    private readonly int[] _cursor;
    private readonly (double X, double Y, double Z)[] _installation;
    private readonly double[] _yaw;
    private readonly List<(long StartMs, double SpeedMps, MagneticDipole[] Dipoles, double Y)> _passing = [];
    private int _passingCursor;
    private readonly List<(long StartMs, long EndMs, double PeriodS, double Amplitude)> _trams = [];
    private readonly (double X, double Y, double Z) _tramDirection;
    private readonly double _weatherPhase;

    /// <summary>Creates the row with its sessions, passing traffic and trams drawn from <paramref name="random"/>.</summary>
    public StreetRow(int bays, VirtualClock clock, long endMs, StreetConditions conditions, Random random)
    {
        _clock = clock;
        _conditions = conditions;
        Bays = bays;
        long startMs = clock.NowUnixMs;
        Sessions = SessionSchedule.Draw(bays, startMs + 60_000, endMs, conditions, random);
        _sessionsByBay = Enumerable.Range(0, bays).Select(b => Sessions.Where(s => s.Bay == b).ToList()).ToArray();
        _cursor = new int[bays];
        _yaw = Enumerable.Range(0, bays).Select(_ => random.NextDouble() * 2 * Math.PI).ToArray();
        _installation = Enumerable.Range(0, bays).Select(_ => (Gauss(random) * 800, Gauss(random) * 800, Gauss(random) * 800)).ToArray();
        _weatherPhase = random.NextDouble() * 2 * Math.PI;

        var catalog = new VehicleCatalog(random);
        double hours = (endMs - startMs) / 3_600_000.0;
        for (int i = 0, n = (int)(hours * conditions.PassingVehiclesPerHour); i < n; i++)
        {
            var v = catalog.Next();
            _passing.Add((startMs + (long)(random.NextDouble() * (endMs - startMs)), 3 + (random.NextDouble() * 7),
                v.Dipoles.ToArray(), conditions.PassingDistanceM + (random.NextDouble() * 1.5)));
        }

        _passing.Sort((a, b) => a.StartMs.CompareTo(b.StartMs));
        for (int i = 0, n = (int)(hours * conditions.TramsPerHour); i < n; i++)
        {
            long start = startMs + (long)(random.NextDouble() * (endMs - startMs));
            _trams.Add((start, start + 20_000 + (long)(random.NextDouble() * 40_000), 4 + (random.NextDouble() * 11),
                conditions.TramAmplitudeNanotesla * (0.5 + (random.NextDouble() * 0.5))));
        }

        double a = random.NextDouble() * 2 * Math.PI, e = (random.NextDouble() - 0.5) * Math.PI / 2;
        _tramDirection = (Math.Cos(e) * Math.Cos(a), Math.Cos(e) * Math.Sin(a), Math.Sin(e));
    }

    /// <summary>Number of bays.</summary>
    public int Bays { get; }

    /// <summary>Every session of the run (the ground truth), per bay in time order.</summary>
    public IReadOnlyList<ParkingSession> Sessions { get; }

    /// <summary>The conditions of this row.</summary>
    public StreetConditions Conditions => _conditions;

    /// <summary>The road temperature now, °C: daily sine (coldest at 05:00) plus slow weather.</summary>
    public double TemperatureC
    {
        get
        {
            double hours = _clock.NowUnixMs / 3_600_000.0;
            double daily = Math.Sin(((hours % 24) - 11) / 24 * 2 * Math.PI) * _conditions.DailyTemperatureSwingC / 2;
            double weather = Math.Sin((hours / 70 * 2 * Math.PI) + _weatherPhase) * 3;
            return _conditions.MeanTemperatureC + daily + weather;
        }
    }

    /// <summary>The vehicle standing over (or manoeuvring in) bay <paramref name="bay"/> now, if any.</summary>
    public ParkingSession? SessionAt(int bay)
    {
        long now = _clock.NowUnixMs;
        var list = _sessionsByBay[bay];
        ref int cursor = ref _cursor[bay];
        while (cursor < list.Count && list[cursor].GoneMs <= now)
        {
            cursor++;
        }

        return cursor < list.Count && list[cursor].ArrivalStartMs <= now ? list[cursor] : null;
    }

    /// <summary>The flux density at sensor <paramref name="bay"/> in its own axes, nT.</summary>
    public (double X, double Y, double Z) FieldAtSensor(int bay)
    {
        long now = _clock.NowUnixMs;
        double sensorX = bay * BayPitchM;
        double bx = EarthX + _installation[bay].X, by = EarthY + _installation[bay].Y, bz = EarthZ + _installation[bay].Z;

        for (int b = Math.Max(0, bay - 2); b <= Math.Min(Bays - 1, bay + 2); b++)
        {
            if (SessionAt(b) is { } s)
            {
                var (px, py, yaw) = Pose(s, now);
                AddVehicle(ref bx, ref by, ref bz, s.Vehicle.Dipoles, (b * BayPitchM) + px - sensorX, py, yaw);
            }
        }

        foreach (var p in PassingNow(now))
        {
            double along = -20 + (p.SpeedMps * (now - p.StartMs) / 1000.0);
            AddVehicle(ref bx, ref by, ref bz, p.Dipoles, along - sensorX + (Bays * BayPitchM / 2), -p.Y, Math.PI / 2);
        }

        foreach (var tram in _trams)
        {
            if (now >= tram.StartMs && now < tram.EndMs)
            {
                double t = (now - tram.StartMs) / 1000.0;
                double envelope = Math.Sin(Math.PI * (now - tram.StartMs) / (tram.EndMs - tram.StartMs));
                double value = tram.Amplitude * envelope * Math.Sin(2 * Math.PI * t / tram.PeriodS);
                bx += value * _tramDirection.X;
                by += value * _tramDirection.Y;
                bz += value * _tramDirection.Z;
            }
        }

        double cos = Math.Cos(_yaw[bay]), sin = Math.Sin(_yaw[bay]);
        return ((bx * cos) + (by * sin), (-bx * sin) + (by * cos), bz);
    }

    /// <summary>Distance from sensor <paramref name="bay"/> up to an underbody, mm, or null when nothing is above it.</summary>
    public double? UnderbodyAboveSensorMm(int bay)
    {
        if (SessionAt(bay) is not { } s)
        {
            return null;
        }

        var (px, py, _) = Pose(s, _clock.NowUnixMs);
        bool covers = Math.Abs(px) < (s.Vehicle.Kind == VehicleKind.Motorbike ? 0.25 : 0.8) && Math.Abs(py) < s.Vehicle.LengthM / 2;
        return covers ? (s.Vehicle.UnderbodyHeightM * 1000) + 50 : null;
    }

    // Vehicle position relative to its bay centre: pulls in from the lane (y = −6 m) and out again.
    private static (double X, double Y, double Yaw) Pose(ParkingSession s, long now)
    {
        double yaw = (Math.PI / 2) + s.YawRadians;
        if (now < s.ParkedMs)
        {
            double f = (double)(now - s.ArrivalStartMs) / (s.ParkedMs - s.ArrivalStartMs);
            return (s.LateralOffsetM * f, -6 + ((6 + s.LongitudinalOffsetM) * f), yaw);
        }

        if (now >= s.DepartureStartMs)
        {
            double f = (double)(now - s.DepartureStartMs) / (s.GoneMs - s.DepartureStartMs);
            return (s.LateralOffsetM * (1 - f), s.LongitudinalOffsetM - ((6 + s.LongitudinalOffsetM) * f), yaw);
        }

        return (s.LateralOffsetM, s.LongitudinalOffsetM, yaw);
    }

    private IEnumerable<(long StartMs, double SpeedMps, MagneticDipole[] Dipoles, double Y)> PassingNow(long now)
    {
        // Passing vehicles are within range for at most a few tens of seconds; time only moves forward, so
        // those long gone are skipped for good.
        double range = 40 + (Bays * BayPitchM);
        while (_passingCursor < _passing.Count && _passing[_passingCursor].SpeedMps * (now - _passing[_passingCursor].StartMs) / 1000.0 > range)
        {
            _passingCursor++;
        }

        for (int i = _passingCursor; i < _passing.Count && _passing[i].StartMs <= now; i++)
        {
            var p = _passing[i];
            if (p.SpeedMps * (now - p.StartMs) / 1000.0 < range)
            {
                yield return p;
            }
        }
    }

    private static void AddVehicle(ref double bx, ref double by, ref double bz, IReadOnlyList<MagneticDipole> dipoles, double x, double y, double yaw)
    {
        double cos = Math.Cos(yaw), sin = Math.Sin(yaw);
        foreach (var d in dipoles)
        {
            // Vehicle frame → world frame (rotate by yaw about z, then translate).
            var placed = new MagneticDipole(
                (d.MomentX * cos) - (d.MomentY * sin), (d.MomentX * sin) + (d.MomentY * cos), d.MomentZ,
                x + (d.OffsetX * cos) - (d.OffsetY * sin), y + (d.OffsetX * sin) + (d.OffsetY * cos), d.HeightM + 0.05);
            var (fx, fy, fz) = placed.FieldAtOriginNanotesla();
            bx += fx;
            by += fy;
            bz += fz;
        }
    }

    private static double Gauss(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
