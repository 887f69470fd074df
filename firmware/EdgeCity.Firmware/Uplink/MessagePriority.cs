namespace EdgeCity.Firmware.Uplink
{
    /// <summary>How precious a queued message is when the offline queue must make room.</summary>
    public enum MessagePriority
    {
        /// <summary>Periodic health; a newer heartbeat supersedes it, so it goes first.</summary>
        Heartbeat = 0,

        /// <summary>A state change: dropped only when the queue holds nothing but state changes and alarms.</summary>
        StateChange = 1,

        /// <summary>
        /// An alarm (shock, tamper): jumps the queue, ahead of everything but older alarms, and is dropped last
        /// of all, only when the queue holds nothing but alarms.
        /// </summary>
        Alarm = 2,
    }
}
