namespace EdgeCity.Inventory;

/// <summary>How a display controller is wired. Written "i2c" or "spi" in boards.json.</summary>
public enum DisplayBus
{
    /// <summary>I2C, at <see cref="ShelterDisplay.I2cAddress"/>.</summary>
    I2c,

    /// <summary>4-wire SPI, with <see cref="ShelterDisplay.SpiCsPin"/> and <see cref="ShelterDisplay.DcPin"/>.</summary>
    Spi,
}
