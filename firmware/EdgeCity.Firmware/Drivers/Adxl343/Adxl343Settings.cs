namespace EdgeCity.Firmware.Drivers.Adxl343
{
    /// <summary>
    /// How the ADXL343's interrupt engine is set up for shock sensing, in physical units; the driver rounds
    /// them to register steps. Defaults suit a board on a shelter's display housing (see docs/shelter-board.md).
    /// </summary>
    public sealed class Adxl343Settings
    {
        /// <summary>Activity threshold, ac-coupled on all axes, mg (62.5 mg steps, 62–15,937).</summary>
        public int ActivityThresholdMg = 375;

        /// <summary>Tap threshold on the horizontal axes (X, Y), mg (62.5 mg steps).</summary>
        public int TapThresholdMg = 1500;

        /// <summary>Longest time above the tap threshold that still counts as a tap, µs (625 µs steps, up to 159,375).</summary>
        public int TapDurationMicroseconds = 40000;

        /// <summary>Free-fall threshold, mg: all axes below it (datasheet recommends 300–600 mg).</summary>
        public int FreeFallThresholdMg = 500;

        /// <summary>Free-fall time, ms (5 ms steps; datasheet recommends 100–350 ms).</summary>
        public int FreeFallTimeMs = 100;

        /// <summary>Output data rate code of BW_RATE (0x0A = 100 Hz, 0x0B = 200 Hz; datasheet Table 7). 200 Hz: 140 µA.</summary>
        public int RateCode = 0x0B;
    }
}
