namespace EdgeCity.HardwareSim.Chips;

/// <summary>
/// A voltage in the simulated world, in volts: a battery cell's terminal voltage, or the voltage at an ADC
/// input pin against the board's ground.
/// </summary>
public interface IVoltageSource
{
    /// <summary>The voltage now (virtual time), V.</summary>
    double Volts();
}
