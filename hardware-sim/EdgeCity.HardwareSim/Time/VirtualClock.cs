using EdgeCity.Firmware.Hardware;

namespace EdgeCity.HardwareSim.Time;

/// <summary>
/// Simulated time, shared by a fleet: it moves only when the simulator advances it, so a run is
/// deterministic and can go faster than real time.
/// </summary>
public sealed class VirtualClock : IBoardClock
{
    private long _nowUnixMs;

    /// <summary>Starts at <paramref name="startUtc"/>.</summary>
    public VirtualClock(DateTimeOffset startUtc) => _nowUnixMs = startUtc.ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public long NowUnixMs => Interlocked.Read(ref _nowUnixMs);

    /// <summary>The current virtual time.</summary>
    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(NowUnixMs);

    /// <summary>Moves time forward by <paramref name="milliseconds"/> (≥ 0).</summary>
    public void Advance(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        Interlocked.Add(ref _nowUnixMs, milliseconds);
    }
}
