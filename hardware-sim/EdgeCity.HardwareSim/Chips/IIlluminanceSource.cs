namespace EdgeCity.HardwareSim.Chips;

/// <summary>What an emulated light sensor measures: the illuminance on its window now (virtual time), lux.</summary>
public interface IIlluminanceSource
{
    /// <summary>Illuminance in lux (0 to ~100,000 in direct sun).</summary>
    double IlluminanceLux();
}
