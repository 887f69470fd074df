using EdgeCity.Firmware.Hardware;

namespace EdgeCity.HardwareSim.Gpio;

/// <summary>
/// One GPIO line of a simulated board: driven by an emulated chip's interrupt output or a simulated sensor,
/// read by the firmware through <see cref="IDigitalInput"/>. Counts rising edges (the board's wake-ups).
/// </summary>
public sealed class SimulatedPin(int gpio) : IDigitalInput
{
    /// <summary>The ESP32 GPIO number from boards.json.</summary>
    public int Gpio { get; } = gpio;

    /// <summary>The line's level (true = active).</summary>
    public bool IsActive { get; private set; }

    /// <summary>Low-to-high transitions since start.</summary>
    public long RisingEdges { get; private set; }

    /// <summary>Drives the line.</summary>
    public void Drive(bool active)
    {
        if (active && !IsActive)
        {
            RisingEdges++;
        }

        IsActive = active;
    }
}
