namespace EdgeCity.HardwareSim.Chips;

/// <summary>
/// What an emulated magnetometer measures: the flux density at its die, in the chip's own axes, in
/// nanotesla. The simulated world implements it.
/// </summary>
public interface IMagneticFieldSource
{
    /// <summary>The field at the sensor now (virtual time), nT per chip axis.</summary>
    (double XNanotesla, double YNanotesla, double ZNanotesla) FieldAtSensor();
}
