namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// A three-axis magnetometer as the firmware sees it. Implementations: the host adapter over the
    /// Iot.Device.Bindings driver (simulator, desktop), the nanoFramework driver on a device.
    /// </summary>
    public interface IMagnetometer
    {
        /// <summary>
        /// Takes one measurement of the magnetic flux density in nanotesla (Earth's field is ~50,000 nT).
        /// Returns false when the chip did not answer or reported an overflow; the outputs are then 0.
        /// </summary>
        bool TryReadField(out int xNanotesla, out int yNanotesla, out int zNanotesla);
    }
}
