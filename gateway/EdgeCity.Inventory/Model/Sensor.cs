using System.Globalization;
using System.Text.Json.Serialization;

namespace EdgeCity.Inventory;

/// <summary>A sensor fitted on a board: what it measures, the part, and how it is wired.</summary>
public sealed record Sensor
{
    /// <summary>What the sensor measures.</summary>
    public required SensorKind Kind { get; init; }

    /// <summary>Part number, e.g. "HMC5883L"; the schema lists the known ones per kind.</summary>
    public required string Model { get; init; }

    /// <summary>7-bit I2C address as written in boards.json ("0x1E"); null for a GPIO sensor.</summary>
    public string? I2cAddress { get; init; }

    /// <summary>GPIO wired to the part's interrupt or data-ready output, if any (0 to 48).</summary>
    public int? InterruptPin { get; init; }

    /// <summary>GPIO a plain digital sensor (PIR) is read on (0 to 48).</summary>
    public int? Pin { get; init; }

    /// <summary><see cref="I2cAddress"/> as a number (0x08 to 0x77), or null when there is none.</summary>
    [JsonIgnore]
    public int? I2cAddressValue => ParseI2cAddress(I2cAddress);

    internal static int? ParseI2cAddress(string? text) =>
        text is { Length: > 2 } && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        && int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value)
            ? value
            : null;
}
