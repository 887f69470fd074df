namespace EdgeCity.HardwareSim.Chips;

/// <summary>Everything a bay sensor board's chips sense at one place: field, temperature, what is above it.</summary>
public interface ISensorSite : IMagneticFieldSource, ITemperatureSource, IDistanceSource
{
}
