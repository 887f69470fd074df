namespace EdgeCity.HardwareSim.Chips;

/// <summary>
/// The temperature an emulated chip's die is at, in degrees Celsius. The simulated world implements it
/// (ambient air or road surface, with its daily swing); chips apply their datasheet temperature coefficients.
/// </summary>
public interface ITemperatureSource
{
    /// <summary>The die temperature now (virtual time), °C; street hardware sees −40…+85 °C.</summary>
    double TemperatureCelsius();
}
