namespace EdgeCity.Firmware.Drivers.Adxl343
{
    /// <summary>ADXL343 register map (Analog Devices ADXL343 datasheet rev. B, Table 19 "Register Map").</summary>
    public enum Adxl343Register : byte
    {
        /// <summary>Device id, reads 0xE5.</summary>
        DeviceId = 0x00,

        /// <summary>Tap threshold, 62.5 mg/LSB.</summary>
        TapThreshold = 0x1D,

        /// <summary>X offset, 15.6 mg/LSB, two's complement.</summary>
        OffsetX = 0x1E,

        /// <summary>Y offset.</summary>
        OffsetY = 0x1F,

        /// <summary>Z offset.</summary>
        OffsetZ = 0x20,

        /// <summary>Tap duration: longest time above the tap threshold, 625 µs/LSB.</summary>
        TapDuration = 0x21,

        /// <summary>Double-tap latency, 1.25 ms/LSB.</summary>
        TapLatency = 0x22,

        /// <summary>Double-tap window, 1.25 ms/LSB (0 disables double tap).</summary>
        TapWindow = 0x23,

        /// <summary>Activity threshold, 62.5 mg/LSB.</summary>
        ActivityThreshold = 0x24,

        /// <summary>Inactivity threshold, 62.5 mg/LSB.</summary>
        InactivityThreshold = 0x25,

        /// <summary>Inactivity time, 1 s/LSB.</summary>
        InactivityTime = 0x26,

        /// <summary>Activity/inactivity ac/dc coupling and axis enables.</summary>
        ActivityInactivityControl = 0x27,

        /// <summary>Free-fall threshold, 62.5 mg/LSB.</summary>
        FreeFallThreshold = 0x28,

        /// <summary>Free-fall time, 5 ms/LSB.</summary>
        FreeFallTime = 0x29,

        /// <summary>Tap axis enables and suppress.</summary>
        TapAxes = 0x2A,

        /// <summary>Which axis caused the first activity/tap (read-only).</summary>
        ActivityTapStatus = 0x2B,

        /// <summary>Output data rate and low-power mode.</summary>
        BandwidthRate = 0x2C,

        /// <summary>Measure/standby, link, auto-sleep, sleep.</summary>
        PowerControl = 0x2D,

        /// <summary>Interrupt enables.</summary>
        InterruptEnable = 0x2E,

        /// <summary>Interrupt pin mapping: a set bit routes the function to INT2.</summary>
        InterruptMap = 0x2F,

        /// <summary>Interrupt sources (read-only; reading clears the event bits).</summary>
        InterruptSource = 0x30,

        /// <summary>Self test, interrupt polarity, full resolution, justification, range.</summary>
        DataFormat = 0x31,

        /// <summary>X output, low byte; the six output bytes 0x32–0x37 are read in one transaction.</summary>
        DataX0 = 0x32,

        /// <summary>FIFO mode and watermark.</summary>
        FifoControl = 0x38,

        /// <summary>FIFO trigger flag and number of entries (read-only).</summary>
        FifoStatus = 0x39,
    }
}
