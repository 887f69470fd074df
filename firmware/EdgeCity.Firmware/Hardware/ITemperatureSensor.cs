namespace EdgeCity.Firmware.Hardware
{
    /// <summary>A temperature reading, typically the die sensor of another chip (magnetometer, gauge).</summary>
    public interface ITemperatureSensor
    {
        /// <summary>
        /// Reads the temperature in milli-degrees Celsius (25 °C = 25000; street hardware sees −40…+85 °C).
        /// Returns false when the chip did not answer; the output is then 0.
        /// </summary>
        bool TryReadTemperature(out int milliCelsius);
    }
}
