using EdgeCity.Firmware.Hardware;
using EdgeCity.HardwareSim.Chips;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>
/// A board temperature sensor for magnetometers without one (HMC5883L): reads the world's temperature with
/// the 0.0625 °C resolution and ±0.5 °C accuracy of a TMP102-class part (fixed per board, seeded).
/// </summary>
public sealed class WorldTemperatureSensor(ITemperatureSource source, Random random) : ITemperatureSensor
{
    private readonly double _error = (random.NextDouble() - 0.5) * 1.0;

    /// <inheritdoc />
    public bool TryReadTemperature(out int milliCelsius)
    {
        double c = Math.Round((source.TemperatureCelsius() + _error) / 0.0625) * 0.0625;
        milliCelsius = (int)(c * 1000);
        return true;
    }
}
