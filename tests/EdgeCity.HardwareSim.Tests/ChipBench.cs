using EdgeCity.HardwareSim.Chips;

namespace EdgeCity.HardwareSim.Tests;

/// <summary>A lab bench for one chip: field, die temperature, target distance and voltage, set by hand.</summary>
internal sealed class ChipBench : IMagneticFieldSource, ITemperatureSource, IDistanceSource, IVoltageSource
{
    public double XNanotesla { get; set; }

    public double YNanotesla { get; set; }

    public double ZNanotesla { get; set; }

    public double Celsius { get; set; } = 25;

    public double? Millimetres { get; set; }

    public double Voltage { get; set; }

    public (double XNanotesla, double YNanotesla, double ZNanotesla) FieldAtSensor() => (XNanotesla, YNanotesla, ZNanotesla);

    public double TemperatureCelsius() => Celsius;

    public double? DistanceMillimetres() => Millimetres;

    public double Volts() => Voltage;

    public ChipBench WithField(double x, double y, double z)
    {
        (XNanotesla, YNanotesla, ZNanotesla) = (x, y, z);
        return this;
    }
}
