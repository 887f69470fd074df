namespace EdgeCity.HardwareSim.Chips.Ads1115;

/// <summary>ADS1115 registers, selected by the address pointer (TI SBAS444D, "Register Map").</summary>
internal enum Ads1115Register : byte
{
    Conversion = 0x00,
    Config = 0x01,
    LowThreshold = 0x02,
    HighThreshold = 0x03,
}
