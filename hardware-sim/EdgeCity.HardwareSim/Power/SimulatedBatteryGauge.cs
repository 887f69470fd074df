using EdgeCity.Firmware.Hardware;

namespace EdgeCity.HardwareSim.Power;

/// <summary>
/// The board's battery measurement as the firmware takes it: during the radio burst, when the sag shows
/// (that is when a weak cell browns the board out), so the low/critical thresholds act on the loaded voltage.
/// </summary>
public sealed class SimulatedBatteryGauge(LithiumThionylChlorideCell cell, Func<double> temperatureC) : IBatteryGauge
{
    /// <summary>Load while the measurement is taken, mA (the radio is on).</summary>
    public double LoadMilliamps { get; init; } = 120;

    /// <inheritdoc />
    public bool TryReadBattery(out int millivolts)
    {
        millivolts = (int)(cell.TerminalVolts(LoadMilliamps, temperatureC()) * 1000);
        return true;
    }
}
