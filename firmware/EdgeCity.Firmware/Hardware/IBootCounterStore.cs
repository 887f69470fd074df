namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// Non-volatile storage of the boot counter (RTC memory or flash on a device). The boot counter is the
    /// high half of every message's sequence number, so the gateway can tell a reboot from a replay.
    /// </summary>
    public interface IBootCounterStore
    {
        /// <summary>Increments the stored boot count and returns the new value (1 on the first boot).</summary>
        int IncrementBootCount();
    }
}
