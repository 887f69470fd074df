using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Tests.Boundaries;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(long startUnixMs = 1_764_000_000_000) : IBoardClock
{
    public long NowUnixMs { get; private set; } = startUnixMs;

    public void Advance(long ms) => NowUnixMs += ms;
}
