namespace EdgeCity.Firmware.Hardware
{
    /// <summary>The board's battery monitor.</summary>
    public interface IBatteryGauge
    {
        /// <summary>
        /// Reads the cell voltage in millivolts (a Li-SOCl2 or Li-ion cell: about 2000–4300 mV).
        /// Returns false when the gauge did not answer; the output is then 0.
        /// </summary>
        bool TryReadBattery(out int millivolts);
    }
}
