using EdgeCity.Firmware.Parking;

namespace EdgeCity.HardwareSim.Fleet;

/// <summary>How a simulated parking fleet behaves. Everything random follows <see cref="Seed"/>.</summary>
public sealed class ParkingFleetOptions
{
    /// <summary>Seed of the whole run: vehicles, arrival times, chip noise, sensor orientation.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Virtual time at the start of the run.</summary>
    public DateTimeOffset StartUtc { get; set; } = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Mean time a bay stays empty between vehicles, in minutes (exponentially distributed).</summary>
    public double MeanFreeMinutes { get; set; } = 20;

    /// <summary>Mean time a vehicle stays, in minutes (exponentially distributed).</summary>
    public double MeanParkedMinutes { get; set; } = 45;

    /// <summary>Firmware settings of every board.</summary>
    public ParkingSensorSettings Firmware { get; set; } = new();
}
