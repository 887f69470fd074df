namespace EdgeCity.Firmware.Uplink
{
    /// <summary>How precious a queued message is when the offline queue must make room.</summary>
    public enum MessagePriority
    {
        /// <summary>Periodic health; a newer heartbeat supersedes it, so it goes first.</summary>
        Heartbeat = 0,

        /// <summary>A state change or an alarm: dropped only when the queue holds nothing else.</summary>
        StateChange = 1,
    }
}
