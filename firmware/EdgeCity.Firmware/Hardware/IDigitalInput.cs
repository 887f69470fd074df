namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// One GPIO input as the firmware sees it, typically a sensor's interrupt line. Implementations: a
    /// nanoFramework <c>GpioPin</c> on a device, the emulated chip's pin in the simulator.
    /// </summary>
    public interface IDigitalInput
    {
        /// <summary>
        /// True while the line is asserted, i.e. at its active level (the polarity is the board's and the
        /// chip configuration's business; the LIS2MDL driver arms its INT line active-high).
        /// </summary>
        bool IsActive { get; }
    }
}
