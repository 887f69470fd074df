namespace EdgeCity.Firmware.Hardware
{
    /// <summary>An ambient light sensor (BH1750 or MAX44009) as the firmware sees it.</summary>
    public interface ILightSensor
    {
        /// <summary>
        /// Measures the illuminance in lux (0 to ~65,000 for the BH1750, ~188,000 for the MAX44009). Returns
        /// false when the chip did not answer; the output is then 0 and must not be used.
        /// </summary>
        bool TryReadIlluminance(out int lux);
    }
}
