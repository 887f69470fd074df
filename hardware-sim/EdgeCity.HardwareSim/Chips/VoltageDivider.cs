namespace EdgeCity.HardwareSim.Chips;

/// <summary>
/// A resistor divider on a board: its midpoint follows the source scaled down by <paramref name="ratio"/>
/// (2 for two equal resistors, which keeps a 3.6 V lithium-thionyl-chloride cell, or any cell up to 4.09 V, within
/// the ADS1115's ±2.048 V range).
/// The divider's own tolerance is not modelled.
/// </summary>
public sealed class VoltageDivider(IVoltageSource source, double ratio = 2.0) : IVoltageSource
{
    /// <summary>Input volts per output volt.</summary>
    public double Ratio => ratio;

    /// <inheritdoc />
    public double Volts() => source.Volts() / ratio;
}
