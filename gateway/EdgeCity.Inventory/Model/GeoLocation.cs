namespace EdgeCity.Inventory;

/// <summary>A point on the map in WGS 84 degrees.</summary>
/// <param name="Lat">Latitude in degrees, -90 to 90, north positive.</param>
/// <param name="Lon">Longitude in degrees, -180 to 180, east positive.</param>
public sealed record GeoLocation(double Lat, double Lon)
{
    private const double EarthRadiusM = 6_371_008.8;

    /// <summary>Great-circle (haversine) distance to <paramref name="other"/>, in metres.</summary>
    public double DistanceMTo(GeoLocation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double lat1 = DegreesToRadians(Lat), lat2 = DegreesToRadians(other.Lat);
        double dLat = lat2 - lat1, dLon = DegreesToRadians(other.Lon - Lon);
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
