using EdgeCity.HardwareSim.Chips;

namespace EdgeCity.HardwareSim.World.Shelter;

/// <summary>
/// The physical world of one bus shelter for a stretch of virtual time: what its accelerometer feels (gravity in
/// the installed orientation plus the events of its <see cref="ShelterTimeline"/>), the light on its sensor
/// (daylight by date and latitude, the day's cloud, the roof's shade, street lights), and the motion its PIR sees.
/// Deterministic for a seed.
/// </summary>
public sealed class ShelterWorld : IAccelerationSource, IIlluminanceSource
{
    private const double RoofShade = 0.35;
    private const double StreetLightLux = 15;

    private readonly Func<long> _now;
    private readonly double _latitude, _longitude;
    private readonly ShelterEvent[] _events;
    private readonly ShelterEventIndex _index;
    private readonly ShelterEvent[] _orientationEvents;
    private readonly double[] _cloudByDay;
    private readonly double _startUnixMs;
    private readonly double[] _presenceFrom;
    private readonly double[] _presenceTo;

    /// <summary>Builds the world of a shelter at (<paramref name="latitude"/>, <paramref name="longitude"/>).</summary>
    /// <param name="now">Virtual time, for the light and the PIR.</param>
    /// <param name="startUtc">Start of the stretch.</param>
    /// <param name="endUtc">End of the stretch.</param>
    /// <param name="latitude">Degrees north (Songdo: 37.39).</param>
    /// <param name="longitude">Degrees east.</param>
    /// <param name="seed">Seed of everything drawn.</param>
    /// <param name="utcOffsetMinutes">Local time offset (Korea: 540).</param>
    public ShelterWorld(Func<long> now, DateTimeOffset startUtc, DateTimeOffset endUtc, double latitude, double longitude, int seed, int utcOffsetMinutes = 540)
    {
        _now = now;
        _latitude = latitude;
        _longitude = longitude;
        var random = new Random(seed);
        Events = ShelterTimeline.Events(startUtc, endUtc, utcOffsetMinutes, random);
        _events = [.. Events];
        _index = new ShelterEventIndex(Events, startUtc.ToUnixTimeMilliseconds());
        _orientationEvents = Events.Where(e => e.Kind is ShelterEventKind.Tilt or ShelterEventKind.TearOff).ToArray();
        _startUnixMs = startUtc.ToUnixTimeMilliseconds();
        int days = (int)Math.Ceiling((endUtc - startUtc).TotalDays) + 1;
        _cloudByDay = Enumerable.Range(0, days).Select(_ => 0.15 + (random.NextDouble() * 0.85)).ToArray();
        var presence = ShelterTimeline.Presence(startUtc, endUtc, utcOffsetMinutes, random);
        _presenceFrom = presence.Select(p => p.From).ToArray();
        _presenceTo = presence.Select(p => p.To).ToArray();
    }

    /// <summary>Everything that happens, sorted by start: the ground truth the bench scores against.</summary>
    public IReadOnlyList<ShelterEvent> Events { get; }

    /// <summary>Extra vibration events a test adds (a knock now), merged into the acceleration; not tilts.</summary>
    public List<ShelterEvent> InjectedEvents { get; } = [];

    /// <summary>Fixed illuminance for tests, lux; null follows the daylight model.</summary>
    public double? FixedLux { get; set; }

    /// <summary>True while the PIR sees motion now.</summary>
    public bool PresenceNow => PresenceAt(_now());

    /// <inheritdoc />
    public double IlluminanceLux()
    {
        if (FixedLux is { } fixedLux)
        {
            return fixedLux;
        }

        long now = _now();
        double elevation = Daylight.SunElevationDegrees(DateTimeOffset.FromUnixTimeMilliseconds(now), _latitude, _longitude);
        int day = Math.Clamp((int)((now - _startUnixMs) / 86_400_000), 0, _cloudByDay.Length - 1);
        double lux = Daylight.ClearSkyLux(elevation) * _cloudByDay[day] * RoofShade;
        return elevation < -2 ? lux + StreetLightLux : lux;
    }

    /// <summary>True while the PIR sees motion at <paramref name="unixMs"/>.</summary>
    public bool PresenceAt(double unixMs)
    {
        int i = Array.BinarySearch(_presenceFrom, unixMs);
        i = i >= 0 ? i : ~i - 1;
        return i >= 0 && unixMs < _presenceTo[i];
    }

    /// <summary>The next time after <paramref name="unixMs"/> the PIR output changes, or +∞.</summary>
    public double NextPresenceChange(double unixMs)
    {
        int i = Array.BinarySearch(_presenceFrom, unixMs);
        i = i >= 0 ? i : ~i - 1;
        if (i >= 0 && unixMs < _presenceTo[i])
        {
            return _presenceTo[i];
        }

        return i + 1 < _presenceFrom.Length ? _presenceFrom[i + 1] : double.PositiveInfinity;
    }

    /// <inheritdoc />
    public (double X, double Y, double Z) AccelerationAt(double unixMs)
    {
        foreach (var e in _orientationEvents)
        {
            if (e.Kind == ShelterEventKind.TearOff && unixMs >= e.FallStartUnixMs && unixMs < e.FallEndUnixMs)
            {
                // In free fall the die feels (almost) nothing: a little tumbling.
                double tumble = 80 * Math.Sin((unixMs - e.FallStartUnixMs) / 40.0);
                return (tumble, -tumble * 0.5, tumble * 0.3);
            }
        }

        var (x, y, z) = Rest(unixMs);
        foreach (int i in _index.Candidates(unixMs))
        {
            var e = _events[i];
            if (unixMs >= e.StartUnixMs && unixMs < e.EndUnixMs)
            {
                var (dx, dy, dz) = Contribution(e, unixMs);
                x += dx;
                y += dy;
                z += dz;
            }
        }

        foreach (var e in InjectedEvents)
        {
            if (unixMs >= e.StartUnixMs && unixMs < e.EndUnixMs)
            {
                var (dx, dy, dz) = Contribution(e, unixMs);
                x += dx;
                y += dy;
                z += dz;
            }
        }

        return (x, y, z);
    }

    /// <inheritdoc />
    public (double Until, double RestX, double RestY, double RestZ, double MaxDeviationMg) QuietSpan(double fromUnixMs)
    {
        foreach (var e in _orientationEvents)
        {
            if (fromUnixMs >= e.StartUnixMs && fromUnixMs < e.EndUnixMs)
            {
                var (rx0, ry0, rz0) = Rest(fromUnixMs);
                return (fromUnixMs, rx0, ry0, rz0, 0);
            }
        }

        double until = _index.NextStartAfter(fromUnixMs);
        double bound = 0;
        foreach (int i in _index.Candidates(fromUnixMs))
        {
            var e = _events[i];
            if (fromUnixMs >= e.StartUnixMs && fromUnixMs < e.EndUnixMs)
            {
                bound += e.MaxDeviationMg;
                until = Math.Min(until, e.EndUnixMs);
            }
        }

        foreach (var e in _orientationEvents)
        {
            if (e.RestoredUnixMs > fromUnixMs)
            {
                until = Math.Min(until, e.RestoredUnixMs);
            }
        }

        foreach (var e in InjectedEvents)
        {
            if (e.EndUnixMs > fromUnixMs)
            {
                until = Math.Min(until, Math.Max(fromUnixMs, e.StartUnixMs));
            }
        }

        var (rx, ry, rz) = Rest(fromUnixMs);
        return (until, rx, ry, rz, bound);
    }

    // Gravity as the chip reads it (1 g up along Z when installed), tilted by a tilt or a tear-off in progress.
    private (double X, double Y, double Z) Rest(double t)
    {
        double angle = 0, direction = 0;
        foreach (var e in _orientationEvents)
        {
            if (t < e.StartUnixMs || t >= e.RestoredUnixMs)
            {
                continue;
            }

            double a = e.Kind == ShelterEventKind.TearOff
                ? (t >= e.FallEndUnixMs ? 90 : 0)
                : e.TiltDegrees * Math.Clamp((t - (e.EndUnixMs - 3_000)) / 3_000, 0, 1);
            if (a > angle)
            {
                angle = a;
                direction = e.DirectionRadians;
            }
        }

        double rad = angle * Math.PI / 180;
        return (1000 * Math.Sin(rad) * Math.Cos(direction), 1000 * Math.Sin(rad) * Math.Sin(direction), 1000 * Math.Cos(rad));
    }

    private static (double X, double Y, double Z) Contribution(ShelterEvent e, double t)
    {
        double magnitude = 0;
        if (e.HitTimesUnixMs.Length > 0)
        {
            for (int h = 0; h < e.HitTimesUnixMs.Length; h++)
            {
                double dt = t - e.HitTimesUnixMs[h];
                if (dt >= 0 && dt < 8 * e.DecayMs)
                {
                    // A struck panel rings: a damped cosine starting at the impact's peak.
                    magnitude += e.HitPeaksMg[h] * Math.Exp(-dt / e.DecayMs) * Math.Cos(2 * Math.PI * e.FrequencyHz * dt / 1000);
                }
            }
        }
        else if (e.Kind == ShelterEventKind.Rain)
        {
            // Drops: short rings at pseudo-random moments, bounded by the event's maximum.
            double slot = Math.Floor(t / 50);
            double u = Hash(e.Seed, slot);
            double dt = t - (slot * 50);
            magnitude = u < 0.4 ? e.MaxDeviationMg * u / 0.4 * Math.Exp(-dt / 6) * Math.Cos(2 * Math.PI * e.FrequencyHz * dt / 1000) : 0;
        }
        else
        {
            double duration = e.EndUnixMs - e.StartUnixMs;
            double envelope = Math.Sin(Math.PI * (t - e.StartUnixMs) / duration);
            magnitude = e.AmplitudeMg * envelope * Math.Sin(2 * Math.PI * e.FrequencyHz * (t - e.StartUnixMs) / 1000);
        }

        double horizontal = 1 - e.VerticalShare;
        return (magnitude * horizontal * Math.Cos(e.DirectionRadians), magnitude * horizontal * Math.Sin(e.DirectionRadians), magnitude * e.VerticalShare);
    }

    private static double Hash(int seed, double slot)
    {
        ulong x = (ulong)(long)slot * 0x9E3779B97F4A7C15UL ^ (ulong)seed;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
