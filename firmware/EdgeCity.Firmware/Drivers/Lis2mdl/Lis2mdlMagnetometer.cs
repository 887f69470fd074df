using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Drivers.Lis2mdl
{
    /// <summary>
    /// Driver of the ST LIS2MDL 3-axis magnetometer (DS12144) over a register bus: field, die temperature and the
    /// threshold interrupt that wakes the board. Firmware code, so the simulator exercises the very driver a
    /// board runs (.NET IoT has no LIS2MDL binding). The read paths allocate nothing.
    /// </summary>
    /// <remarks>
    /// Configuration after <see cref="Start"/>: 10 Hz, continuous (or single-shot, see <see cref="SingleShot"/>),
    /// temperature compensation on, set/reset offset cancellation on, low-pass filter on, block data update.
    /// Output data are hard-iron corrected by the OFFSET registers (DS12144 §8.1); the driver adds the offsets it
    /// wrote back, so <see cref="TryReadField"/> always returns the absolute field.
    /// </remarks>
    public sealed partial class Lis2mdlMagnetometer : IMagnetometer, ITemperatureSensor, IMagnetometerWake
    {
        /// <summary>The chip's fixed 7-bit I2C address (DS12144 §6.1.1).</summary>
        public const int I2cAddress = 0x1E;

        /// <summary>The WHO_AM_I value of a LIS2MDL (DS12144 §8.4).</summary>
        public const byte ExpectedWhoAmI = 0x40;

        /// <summary>Sensitivity: 1.5 mG per LSB = 150 nT per LSB (DS12144 Table 2, M_So).</summary>
        public const int NanoteslaPerLsb = 150;

        // Polls of STATUS_REG before a single-shot measurement counts as failed (~10 ms at 400 kHz).
        private const int SingleShotPolls = 200;
        private const int MaxThresholdLsb = 32767;

        private readonly IRegisterBus _bus;
        private readonly IDigitalInput? _interruptPin;
        private readonly byte[] _sample = new byte[7]; // STATUS_REG + OUTX_L..OUTZ_H in one transfer
        private readonly byte[] _pair = new byte[2];
        private readonly byte[] _single = new byte[1];
        private byte _configA;
        private byte _configB;
        private byte _configC;
        private int _offsetX;
        private int _offsetY;
        private int _offsetZ;
        private bool _wakeArmed;
        private int _staleReads;
        private bool _seenData;

        /// <summary>Creates the driver; nothing is sent to the chip until <see cref="Start"/>.</summary>
        /// <param name="bus">The chip's register space at address 0x1E.</param>
        /// <param name="interruptPin">
        /// The GPIO wired to the chip's INT/DRDY pin, or null: <see cref="WakePending"/> then reads INT_SOURCE_REG
        /// over the bus instead, which also acknowledges a latched interrupt.
        /// </param>
        public Lis2mdlMagnetometer(IRegisterBus bus, IDigitalInput? interruptPin)
        {
            _bus = bus;
            _interruptPin = interruptPin;
            Status = DriverStatus.NotStarted;
            FailureReason = string.Empty;
        }

        /// <summary>What <see cref="Start"/> found; reads fail unless <see cref="DriverStatus.Ready"/>.</summary>
        public DriverStatus Status { get; private set; }

        /// <summary>Why the chip is not ready, naming the address and the value read; empty when ready.</summary>
        public string FailureReason { get; private set; }

        /// <summary>
        /// Single-shot mode (set before <see cref="Start"/>): the chip idles between reads and each
        /// <see cref="TryReadField"/> triggers one measurement. Default false: continuous at 10 Hz.
        /// Arming the wake interrupt switches the chip to continuous mode, since only then does it measure alone.
        /// </summary>
        public bool SingleShot { get; set; }

        /// <summary>Low-power mode (set before <see cref="Start"/>): less current, more noise. Default true.</summary>
        public bool LowPower { get; set; } = true;

        /// <summary>
        /// In continuous mode, how many reads in a row may find no new measurement (STATUS_REG Zyxda clear) before
        /// <see cref="TryReadField"/> reports a stuck chip. Default 3; 0 disables the check.
        /// </summary>
        public int StaleReadLimit { get; set; } = 3;

        /// <summary>Failed bus transfers since construction.</summary>
        public int BusErrors { get; private set; }

        /// <summary>INT_SOURCE_REG as last read by <see cref="ClearWake"/>: which axis crossed which side.</summary>
        public byte LastInterruptSource { get; private set; }

        /// <summary>
        /// Checks WHO_AM_I, resets and configures the chip. Returns false, with <see cref="Status"/> and
        /// <see cref="FailureReason"/> set, when the chip does not answer or is not a LIS2MDL.
        /// </summary>
        public bool Start()
        {
            DriverStatus failure;
            string? problem = ChipIdentity.Check(_bus, _single, "LIS2MDL", I2cAddress, (byte)Lis2mdlRegister.WhoAmI, "WHO_AM_I", ExpectedWhoAmI, out failure);
            if (problem != null)
            {
                return Fail(failure, problem);
            }

            _configA = (byte)(Lis2mdlBits.TemperatureCompensation | Lis2mdlBits.Odr10Hz |
                              (LowPower ? Lis2mdlBits.LowPower : 0) |
                              (SingleShot ? Lis2mdlBits.ModeIdle : Lis2mdlBits.ModeContinuous));
            _configB = (byte)(Lis2mdlBits.OffsetCancellation | Lis2mdlBits.LowPassFilter |
                              (SingleShot ? Lis2mdlBits.OffsetCancellationOneShot : 0));
            _configC = Lis2mdlBits.BlockDataUpdate;
            _offsetX = _offsetY = _offsetZ = 0;
            _wakeArmed = false;
            _staleReads = 0;
            _seenData = false;

            // SOFT_RST restores every user register (offsets, thresholds, interrupt control) to its default.
            bool configured = Write(Lis2mdlRegister.ConfigA, Lis2mdlBits.SoftReset)
                && Write(Lis2mdlRegister.ConfigB, _configB)
                && Write(Lis2mdlRegister.ConfigC, _configC)
                && Write(Lis2mdlRegister.ConfigA, _configA);
            if (!configured)
            {
                return Fail(DriverStatus.NotResponding, "LIS2MDL at " + HexText.Byte(I2cAddress) + " stopped answering during configuration");
            }

            Status = DriverStatus.Ready;
            FailureReason = string.Empty;
            return true;
        }

        /// <inheritdoc />
        public bool TryReadField(out int xNanotesla, out int yNanotesla, out int zNanotesla)
        {
            xNanotesla = yNanotesla = zNanotesla = 0;
            if (Status != DriverStatus.Ready)
            {
                return false;
            }

            if (SingleShot && !_wakeArmed && !TriggerSingleMeasurement())
            {
                return false;
            }

            if (!_bus.TryRead((byte)Lis2mdlRegister.Status, _sample, 7))
            {
                BusErrors++;
                return false;
            }

            if ((_sample[0] & Lis2mdlBits.NewDataXyz) == 0)
            {
                _staleReads++;
                if (StaleReadLimit > 0 && _staleReads > StaleReadLimit)
                {
                    return false; // the output has not changed for several reads: a stuck chip, not a steady field
                }
            }
            else
            {
                _staleReads = 0;
                _seenData = true;
            }

            if (!_seenData)
            {
                return false; // nothing measured since start: the output registers hold no field yet
            }

            int x = ToInt16(_sample[1], _sample[2]);
            int y = ToInt16(_sample[3], _sample[4]);
            int z = ToInt16(_sample[5], _sample[6]);
            if (IsSaturated(x) || IsSaturated(y) || IsSaturated(z))
            {
                return false;
            }

            // The chip subtracted the hard-iron OFFSET registers (DS12144 §8.1); add them back.
            xNanotesla = (x + _offsetX) * NanoteslaPerLsb;
            yNanotesla = (y + _offsetY) * NanoteslaPerLsb;
            zNanotesla = (z + _offsetZ) * NanoteslaPerLsb;
            return true;
        }

        /// <summary>
        /// Reads TEMP_OUT: 8 LSB per °C, 0 at 25 °C (DS12144 Table 3). Only relative changes are specified;
        /// the absolute value is within a few degrees.
        /// </summary>
        public bool TryReadTemperature(out int milliCelsius)
        {
            milliCelsius = 0;
            if (Status != DriverStatus.Ready)
            {
                return false;
            }

            if (!_bus.TryRead((byte)Lis2mdlRegister.TemperatureLow, _pair, 2))
            {
                BusErrors++;
                return false;
            }

            milliCelsius = 25000 + (ToInt16(_pair[0], _pair[1]) * 125);
            return true;
        }

        private bool TriggerSingleMeasurement()
        {
            if (!Write(Lis2mdlRegister.ConfigA, (byte)((_configA & ~Lis2mdlBits.ModeMask) | Lis2mdlBits.ModeSingle)))
            {
                return false;
            }

            for (int poll = 0; poll < SingleShotPolls; poll++)
            {
                if (!_bus.TryRead((byte)Lis2mdlRegister.Status, _single, 1))
                {
                    BusErrors++;
                    return false;
                }

                if ((_single[0] & Lis2mdlBits.NewDataXyz) != 0)
                {
                    return true;
                }
            }

            return false;
        }

        private bool Write(Lis2mdlRegister register, byte value)
        {
            if (_bus.TryWrite((byte)register, value))
            {
                return true;
            }

            BusErrors++;
            return false;
        }

        /// <summary>A 16-bit two's-complement value to a low/high register pair.</summary>
        private bool WriteWord(Lis2mdlRegister low, int value) =>
            Write(low, (byte)(value & 0xFF)) && Write((Lis2mdlRegister)((byte)low + 1), (byte)((value >> 8) & 0xFF));

        private bool Fail(DriverStatus status, string reason)
        {
            BusErrors += status == DriverStatus.NotResponding ? 1 : 0;
            Status = status;
            FailureReason = reason;
            return false;
        }

        private static int ToInt16(byte low, byte high) => (short)((high << 8) | low);

        // The output saturates at the ends of the 16-bit range (DS12144 Table 2: ±49.152 G).
        private static bool IsSaturated(int counts) => counts == short.MaxValue || counts == short.MinValue;

        private static bool InRange(int value, int limit) => value >= -limit && value <= limit;

        private static int RoundedLsb(int nanotesla) => nanotesla >= 0
            ? (nanotesla + (NanoteslaPerLsb / 2)) / NanoteslaPerLsb
            : -((-nanotesla + (NanoteslaPerLsb / 2)) / NanoteslaPerLsb);
    }
}
