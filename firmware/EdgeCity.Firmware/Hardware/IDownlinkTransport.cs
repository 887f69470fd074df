namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// The gateway-to-board direction of the board's MQTT connection: configuration, schedules and commands,
    /// published retained by the gateway so that a board asleep when they were sent gets them when it next
    /// connects. Implemented by the same object as <see cref="IUplinkTransport"/> (one MQTT session). Calls
    /// block; failures return false or -1 and never throw.
    /// </summary>
    public interface IDownlinkTransport
    {
        /// <summary>
        /// Subscribes with QoS 1 to <paramref name="topicFilter"/> on the current session. Retained messages on
        /// it arrive right after; subscribe again after every reconnect (sessions are clean).
        /// </summary>
        bool Subscribe(string topicFilter);

        /// <summary>
        /// Takes the oldest message received since the last call, waiting up to <paramref name="waitMs"/> for
        /// one: copies its payload into <paramref name="buffer"/> and returns its length, with its topic in
        /// <paramref name="topic"/>; returns -1 when none came. A payload longer than the buffer is discarded
        /// (the buffer is sized to the largest message the protocol allows) and returns -1 too.
        /// </summary>
        int Receive(byte[] buffer, int waitMs, out string? topic);
    }
}
