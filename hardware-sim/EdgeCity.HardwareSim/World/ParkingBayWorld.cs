using EdgeCity.HardwareSim.Chips;

namespace EdgeCity.HardwareSim.World;

/// <summary>
/// The magnetic world above one in-ground bay sensor: Earth's field (rotated into the sensor's axes by
/// the yaw at which it was installed) plus the vehicle parked over it, if any.
/// </summary>
public sealed class ParkingBayWorld : ISensorSite
{

    private readonly double _yawRadians;

    /// <summary>Creates the bay with the sensor installed at <paramref name="installYawDegrees"/> from north.</summary>
    public ParkingBayWorld(double installYawDegrees) => _yawRadians = installYawDegrees * Math.PI / 180;

    /// <summary>The vehicle over the sensor, or null when the bay is empty.</summary>
    public MagneticDipole? ParkedVehicle { get; private set; }

    /// <summary>True when a vehicle is parked over the sensor.</summary>
    public bool IsOccupied => ParkedVehicle is not null;

    /// <summary>Road temperature, °C (constant in this simple bay; the street model has the daily swing).</summary>
    public double TemperatureC { get; set; } = 15;

    /// <inheritdoc />
    public double TemperatureCelsius() => TemperatureC;

    /// <inheritdoc />
    public double? DistanceMillimetres() => ParkedVehicle is null ? null : 250;

    /// <summary>A vehicle arrives and parks.</summary>
    public void Park(MagneticDipole vehicle) => ParkedVehicle = vehicle;

    /// <summary>The vehicle leaves.</summary>
    public void Leave() => ParkedVehicle = null;

    /// <inheritdoc />
    public (double XNanotesla, double YNanotesla, double ZNanotesla) FieldAtSensor()
    {
        double east = BusanGeomagneticField.EastNanotesla, north = BusanGeomagneticField.NorthNanotesla, up = BusanGeomagneticField.UpNanotesla;
        if (ParkedVehicle is { } vehicle)
        {
            var (vx, vy, vz) = vehicle.FieldAtOriginNanotesla();
            east += vx;
            north += vy;
            up += vz;
        }

        // Rotate the world's east/north into the sensor's x/y.
        double cos = Math.Cos(_yawRadians), sin = Math.Sin(_yawRadians);
        return ((east * cos) - (north * sin), (east * sin) + (north * cos), up);
    }
}
