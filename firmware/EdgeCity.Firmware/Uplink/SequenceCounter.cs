namespace EdgeCity.Firmware.Uplink
{
    /// <summary>
    /// Message sequence numbers: (boot counter, counter within the boot). The pair is unique per board for
    /// its life, so the gateway de-duplicates QoS 1 redeliveries with it and orders a board's events.
    /// </summary>
    public sealed class SequenceCounter
    {
        private long _next;

        /// <summary>Starts counting at 1 for the given boot.</summary>
        public SequenceCounter(int bootCount)
        {
            BootCount = bootCount;
            _next = 1;
        }

        /// <summary>How many times the board has booted, from non-volatile storage.</summary>
        public int BootCount { get; private set; }

        /// <summary>Returns the next sequence number within this boot (1, 2, 3, …).</summary>
        public long Next()
        {
            return _next++;
        }
    }
}
