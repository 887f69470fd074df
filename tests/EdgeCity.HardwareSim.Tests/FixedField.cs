using EdgeCity.HardwareSim.Chips;

namespace EdgeCity.HardwareSim.Tests;

/// <summary>A world with a constant field, for checking the chip's conversion.</summary>
internal sealed class FixedField(double x, double y, double z) : IMagneticFieldSource
{
    public (double XNanotesla, double YNanotesla, double ZNanotesla) FieldAtSensor() => (x, y, z);
}
