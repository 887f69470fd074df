namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// Time as the board knows it: wall-clock milliseconds since the Unix epoch (set from the network on a
    /// device, virtual in the simulator). Monotonic for the firmware's purposes.
    /// </summary>
    public interface IBoardClock
    {
        /// <summary>Milliseconds since 1970-01-01T00:00:00Z.</summary>
        long NowUnixMs { get; }
    }
}
