using EdgeCity.Firmware.Hardware;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>
/// A board GPIO input wired to an emulated chip's output pin, e.g.
/// <c>new SimulatedInputPin(() =&gt; lis2mdl.InterruptLine)</c> for the LIS2MDL's INT line (armed active-high by
/// the driver), or with <paramref name="activeHigh"/> false for an active-low line.
/// </summary>
public sealed class SimulatedInputPin(Func<bool> levelIsHigh, bool activeHigh = true) : IDigitalInput
{
    /// <inheritdoc />
    public bool IsActive => levelIsHigh() == activeHigh;
}
