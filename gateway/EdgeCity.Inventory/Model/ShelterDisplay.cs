namespace EdgeCity.Inventory;

/// <summary>A shelter's arrival display: its controller, visible pixels and wiring.</summary>
public sealed record ShelterDisplay
{
    /// <summary>Controller: SSD1306, SH1106, SSD1322, ST7789 or SSD1680 (e-paper).</summary>
    public required string Model { get; init; }

    /// <summary>Visible width in pixels, in the controller's native orientation (at most the controller's).</summary>
    public required int WidthPx { get; init; }

    /// <summary>Visible height in pixels, in the controller's native orientation (at most the controller's).</summary>
    public required int HeightPx { get; init; }

    /// <summary>How the controller is wired.</summary>
    public required DisplayBus Bus { get; init; }

    /// <summary>7-bit I2C address ("0x3C") when <see cref="Bus"/> is I2C.</summary>
    public string? I2cAddress { get; init; }

    /// <summary>GPIO driving SPI chip select when <see cref="Bus"/> is SPI (0 to 48).</summary>
    public int? SpiCsPin { get; init; }

    /// <summary>GPIO driving the data/command line when <see cref="Bus"/> is SPI (0 to 48).</summary>
    public int? DcPin { get; init; }

    /// <summary>GPIO driving the reset line, if wired (0 to 48).</summary>
    public int? ResetPin { get; init; }
}
