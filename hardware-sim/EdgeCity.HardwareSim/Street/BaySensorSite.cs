using EdgeCity.HardwareSim.Chips;

namespace EdgeCity.HardwareSim.Street;

/// <summary>What the chips of the sensor in one bay of a <see cref="StreetRow"/> sense: field, die temperature, underbody distance.</summary>
public sealed class BaySensorSite(StreetRow row, int bay) : ISensorSite
{
    /// <summary>The bay's index in the row.</summary>
    public int Bay => bay;

    /// <inheritdoc />
    public (double XNanotesla, double YNanotesla, double ZNanotesla) FieldAtSensor() => row.FieldAtSensor(bay);

    /// <inheritdoc />
    public double TemperatureCelsius() => row.TemperatureC;

    /// <inheritdoc />
    public double? DistanceMillimetres() => row.UnderbodyAboveSensorMm(bay);
}
