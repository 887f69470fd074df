namespace EdgeCity.HardwareSim.World.Shelter;

/// <summary>
/// Daylight at a place and time: the sun's elevation (NOAA's low-precision solar position formulas, good to a
/// fraction of a degree) and a clear-sky horizontal illuminance from it, with civil twilight.
/// </summary>
public static class Daylight
{
    /// <summary>The sun's elevation above the horizon, degrees, at <paramref name="utc"/> and the given place.</summary>
    public static double SunElevationDegrees(DateTimeOffset utc, double latitudeDeg, double longitudeDeg)
    {
        double dayOfYear = utc.UtcDateTime.DayOfYear;
        double hour = utc.UtcDateTime.TimeOfDay.TotalHours;
        double gamma = 2 * Math.PI / 365 * (dayOfYear - 1 + ((hour - 12) / 24));
        double equationOfTimeMin = 229.18 * (0.000075 + (0.001868 * Math.Cos(gamma)) - (0.032077 * Math.Sin(gamma))
            - (0.014615 * Math.Cos(2 * gamma)) - (0.040849 * Math.Sin(2 * gamma)));
        double declination = 0.006918 - (0.399912 * Math.Cos(gamma)) + (0.070257 * Math.Sin(gamma)) - (0.006758 * Math.Cos(2 * gamma))
            + (0.000907 * Math.Sin(2 * gamma)) - (0.002697 * Math.Cos(3 * gamma)) + (0.00148 * Math.Sin(3 * gamma));
        double trueSolarMinutes = (hour * 60) + equationOfTimeMin + (4 * longitudeDeg);
        double hourAngle = ((trueSolarMinutes / 4) - 180) * Math.PI / 180;
        double lat = latitudeDeg * Math.PI / 180;
        double cosZenith = (Math.Sin(lat) * Math.Sin(declination)) + (Math.Cos(lat) * Math.Cos(declination) * Math.Cos(hourAngle));
        return 90 - (Math.Acos(Math.Clamp(cosZenith, -1, 1)) * 180 / Math.PI);
    }

    /// <summary>
    /// Clear-sky illuminance on a horizontal surface, lux: ~130,000 × sin(elevation) by day (direct and diffuse),
    /// falling to ~3 lux at the end of civil twilight (−6°) and to starlight below.
    /// </summary>
    public static double ClearSkyLux(double elevationDegrees)
    {
        if (elevationDegrees > 0)
        {
            return 400 + (130_000 * Math.Sin(elevationDegrees * Math.PI / 180));
        }

        if (elevationDegrees > -6)
        {
            return 400 * Math.Pow(10, elevationDegrees / 6 * 2.1);
        }

        return 0.001;
    }
}
