namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// Current drawn by the display panel's high-voltage supply (OLED VCC), from a shunt on an ADC input. An OLED
    /// draws current in proportion to the light it makes, so it tells whether the controller shows what it was
    /// sent: the only health signal a write-only SPI display has.
    /// </summary>
    public interface IPanelCurrentSensor
    {
        /// <summary>Measures the panel supply current in microamperes (0 to ~300,000). False on an ADC fault.</summary>
        bool TryReadMicroamps(out int microamps);
    }
}
