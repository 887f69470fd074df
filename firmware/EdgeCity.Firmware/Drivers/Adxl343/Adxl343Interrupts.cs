namespace EdgeCity.Firmware.Drivers.Adxl343
{
    /// <summary>Bits of INT_ENABLE, INT_MAP and INT_SOURCE (ADXL343 datasheet, "Register 0x2E—INT_ENABLE").</summary>
    public static class Adxl343Interrupts
    {
        /// <summary>New data in the output registers.</summary>
        public const int DataReady = 0x80;

        /// <summary>One acceleration event above the tap threshold shorter than the tap duration.</summary>
        public const int SingleTap = 0x40;

        /// <summary>Two taps within the double-tap window.</summary>
        public const int DoubleTap = 0x20;

        /// <summary>Acceleration beyond the activity threshold.</summary>
        public const int Activity = 0x10;

        /// <summary>Acceleration below the inactivity threshold for the inactivity time.</summary>
        public const int Inactivity = 0x08;

        /// <summary>All axes below the free-fall threshold for the free-fall time.</summary>
        public const int FreeFall = 0x04;

        /// <summary>FIFO entries at or above the watermark.</summary>
        public const int Watermark = 0x02;

        /// <summary>Unread data was overwritten.</summary>
        public const int Overrun = 0x01;
    }
}
