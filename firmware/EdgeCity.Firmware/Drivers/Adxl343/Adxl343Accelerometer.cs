using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Drivers.Adxl343
{
    /// <summary>
    /// The ADXL343 driver the shelter board runs: configures the chip's own interrupt engine (ac-coupled
    /// activity, single tap, free fall, all on INT1), keeps the FIFO in stream mode so the last 32 samples
    /// before a wake-up are there to read, and reads them. Written over <see cref="IRegisterBus"/> because the
    /// platform drivers (.NET IoT's Adxl345) read acceleration only. ±16 g full resolution: 3.9 mg/LSB.
    /// Allocates nothing after construction.
    /// </summary>
    public sealed class Adxl343Accelerometer
    {
        /// <summary>The value of the DEVID register.</summary>
        public const int DeviceIdValue = 0xE5;

        /// <summary>Capacity of the FIFO in samples (datasheet, "FIFO").</summary>
        public const int FifoDepth = 32;

        private readonly IRegisterBus _bus;
        private readonly byte[] _buffer = new byte[8];

        /// <summary>Uses <paramref name="bus"/>; call <see cref="TryStart"/> before anything else.</summary>
        public Adxl343Accelerometer(IRegisterBus bus)
        {
            _bus = bus;
        }

        /// <summary>The DEVID value read by the last <see cref="TryStart"/> (0xE5 on a good chip).</summary>
        public int DeviceIdRead { get; private set; }

        /// <summary>Bus transfers that failed since start.</summary>
        public int BusErrors { get; private set; }

        /// <summary>Bytes moved over the bus since start (for the latency and energy estimates).</summary>
        public long BusBytes { get; private set; }

        /// <summary>
        /// Checks the chip id and configures it (datasheet "Register Definitions"): standby while configuring,
        /// then measurement. Returns false if the chip did not answer or is not an ADXL343/345.
        /// </summary>
        public bool TryStart(Adxl343Settings settings)
        {
            if (!Read((byte)Adxl343Register.DeviceId, 1))
            {
                return false;
            }

            DeviceIdRead = _buffer[0];
            if (DeviceIdRead != DeviceIdValue)
            {
                return false;
            }

            // Thresholds are unsigned 62.5 mg steps: mg * 2 / 125, rounded, at least 1 (0 would fire constantly).
            return Write(Adxl343Register.PowerControl, 0x00)
                && Write(Adxl343Register.BandwidthRate, settings.RateCode)
                && Write(Adxl343Register.DataFormat, 0x0B) // FULL_RES, ±16 g, interrupts active high
                && Write(Adxl343Register.ActivityThreshold, Steps(settings.ActivityThresholdMg * 2, 125))
                && Write(Adxl343Register.ActivityInactivityControl, 0xF0) // activity ac-coupled, X Y Z
                && Write(Adxl343Register.TapThreshold, Steps(settings.TapThresholdMg * 2, 125))
                && Write(Adxl343Register.TapDuration, Steps(settings.TapDurationMicroseconds, 625))
                && Write(Adxl343Register.TapLatency, 0)
                && Write(Adxl343Register.TapWindow, 0) // no double tap: repeated hits are counted by the firmware
                && Write(Adxl343Register.TapAxes, 0x06) // X and Y: the panels are vertical, gravity is on Z
                && Write(Adxl343Register.FreeFallThreshold, Steps(settings.FreeFallThresholdMg * 2, 125))
                && Write(Adxl343Register.FreeFallTime, Steps(settings.FreeFallTimeMs, 5))
                && Write(Adxl343Register.FifoControl, 0x80 | 16) // stream mode, watermark 16 (not enabled)
                && Write(Adxl343Register.InterruptMap, 0x00) // everything on INT1
                && Write(Adxl343Register.InterruptEnable, Adxl343Interrupts.Activity | Adxl343Interrupts.SingleTap | Adxl343Interrupts.FreeFall)
                && Write(Adxl343Register.PowerControl, 0x08); // Measure
        }

        /// <summary>
        /// Restarts ac-coupled activity detection, which takes a new reference (datasheet "Register 0x27—ACT_INACT_CTL":
        /// the reference is the acceleration at the start of activity detection). Called after a burst, so that a
        /// unit left tilted does not hold INT1 asserted for ever.
        /// </summary>
        public bool RearmActivity()
        {
            return Write(Adxl343Register.InterruptEnable, Adxl343Interrupts.SingleTap | Adxl343Interrupts.FreeFall)
                && Write(Adxl343Register.InterruptEnable, Adxl343Interrupts.Activity | Adxl343Interrupts.SingleTap | Adxl343Interrupts.FreeFall);
        }

        /// <summary>Reads and thereby clears INT_SOURCE (datasheet: event bits clear on read). False on a bus error.</summary>
        public bool TryReadInterruptSource(out int sources)
        {
            sources = 0;
            if (!Read((byte)Adxl343Register.InterruptSource, 1))
            {
                return false;
            }

            sources = _buffer[0];
            return true;
        }

        /// <summary>
        /// Drains the FIFO, oldest sample first, into the arrays (mg per axis) from index 0, at most
        /// <paramref name="max"/> samples. Returns the number read, or -1 on a bus error.
        /// </summary>
        public int ReadFifo(int[] xMg, int[] yMg, int[] zMg, int max)
        {
            if (!Read((byte)Adxl343Register.FifoStatus, 1))
            {
                return -1;
            }

            int entries = _buffer[0] & 0x3F;
            if (entries > max)
            {
                entries = max;
            }

            for (int i = 0; i < entries; i++)
            {
                // One six-byte read per entry pops it (datasheet "Retrieving Data from FIFO").
                if (!Read((byte)Adxl343Register.DataX0, 6))
                {
                    return -1;
                }

                xMg[i] = ToMg(_buffer[0], _buffer[1]);
                yMg[i] = ToMg(_buffer[2], _buffer[3]);
                zMg[i] = ToMg(_buffer[4], _buffer[5]);
            }

            return entries;
        }

        private static int ToMg(byte low, byte high)
        {
            // Full resolution: 3.9 mg/LSB, right-justified, sign-extended (datasheet "Register 0x31—DATA_FORMAT").
            int raw = (short)(low | (high << 8));
            return (raw * 39) / 10;
        }

        private static int Steps(int value, int step)
        {
            int n = (value + (step / 2)) / step;
            return n < 1 ? 1 : n > 255 ? 255 : n;
        }

        private bool Write(Adxl343Register register, int value)
        {
            BusBytes += 2;
            if (_bus.TryWriteRegister((byte)register, (byte)value))
            {
                return true;
            }

            BusErrors++;
            return false;
        }

        private bool Read(byte register, int count)
        {
            BusBytes += 1 + count;
            if (_bus.TryReadRegisters(register, _buffer, 0, count))
            {
                return true;
            }

            BusErrors++;
            return false;
        }
    }
}
