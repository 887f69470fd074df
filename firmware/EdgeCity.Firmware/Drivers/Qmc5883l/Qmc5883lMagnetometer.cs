using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Drivers.Qmc5883l
{
    /// <summary>
    /// Driver of the QST QMC5883L 3-axis magnetometer (datasheet rev. 1.0) over a register bus: field and the
    /// (relative) die temperature. .NET IoT 4.2 has no QMC5883L binding, and the HMC5883L one does not fit: the
    /// address (0x0D), register map and byte order differ. The read paths allocate nothing.
    /// </summary>
    /// <remarks>
    /// Configuration after <see cref="Start"/>: continuous mode, 10 Hz, ±8 G (3,000 LSB/G: ±800 µT covers Earth's
    /// field plus any vehicle), 512× oversampling, SET/RESET period 0x01 as the datasheet recommends.
    /// </remarks>
    public sealed class Qmc5883lMagnetometer : IMagnetometer, ITemperatureSensor
    {
        /// <summary>The chip's fixed 7-bit I2C address (datasheet §9.2).</summary>
        public const int I2cAddress = 0x0D;

        /// <summary>The chip id register's value (datasheet §9.2.6: 0Dh reads FFh).</summary>
        public const byte ExpectedChipId = 0xFF;

        // Control register 1 (09h): OSR = 512 (00), RNG = ±8 G (01), ODR = 10 Hz (00), MODE = continuous (01).
        private const byte Control1Continuous8Gauss = 0x11;
        private const byte SoftReset = 0x80;   // control register 2 (0Ah) bit 7
        private const byte DataReady = 0x01;   // status register (06h) DRDY
        private const byte Overflow = 0x02;    // status register (06h) OVL

        private readonly IRegisterBus _bus;
        private readonly byte[] _data = new byte[6];
        private readonly byte[] _single = new byte[1];
        private readonly byte[] _pair = new byte[2];
        private int _staleReads;
        private bool _seenData;

        /// <summary>Creates the driver; nothing is sent to the chip until <see cref="Start"/>.</summary>
        /// <param name="bus">The chip's register space at address 0x0D.</param>
        public Qmc5883lMagnetometer(IRegisterBus bus)
        {
            _bus = bus;
            Status = DriverStatus.NotStarted;
            FailureReason = string.Empty;
        }

        /// <summary>What <see cref="Start"/> found; reads fail unless <see cref="DriverStatus.Ready"/>.</summary>
        public DriverStatus Status { get; private set; }

        /// <summary>Why the chip is not ready, naming the address and the value read; empty when ready.</summary>
        public string FailureReason { get; private set; }

        /// <summary>
        /// How many reads in a row may find no new measurement (DRDY clear) before <see cref="TryReadField"/>
        /// reports a stuck chip. Default 3; 0 disables the check.
        /// </summary>
        public int StaleReadLimit { get; set; } = 3;

        /// <summary>
        /// Added to the temperature output, m°C. The chip's temperature gain is calibrated but its offset is not
        /// (datasheet §8.3), so absolute readings need a per-board calibration; changes are right without it.
        /// </summary>
        public int TemperatureOffsetMilliCelsius { get; set; }

        /// <summary>Failed bus transfers since construction.</summary>
        public int BusErrors { get; private set; }

        /// <summary>
        /// Checks the chip id, resets and configures the chip. Returns false, with <see cref="Status"/> and
        /// <see cref="FailureReason"/> set, when the chip does not answer or is not a QMC5883L.
        /// </summary>
        public bool Start()
        {
            DriverStatus failure;
            string? problem = ChipIdentity.Check(_bus, _single, "QMC5883L", I2cAddress, (byte)Qmc5883lRegister.ChipId, "chip id", ExpectedChipId, out failure);
            if (problem != null)
            {
                return Fail(failure, problem);
            }

            bool configured = Write(Qmc5883lRegister.Control2, SoftReset)
                && Write(Qmc5883lRegister.SetResetPeriod, 0x01)
                && Write(Qmc5883lRegister.Control1, Control1Continuous8Gauss);
            if (!configured)
            {
                return Fail(DriverStatus.NotResponding, "QMC5883L at " + HexText.Byte(I2cAddress) + " stopped answering during configuration");
            }

            _staleReads = 0;
            _seenData = false;
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

            // Status first: reading any data register clears DRDY (datasheet §9.2.3).
            if (!Read(Qmc5883lRegister.Status, _single, 1))
            {
                return false;
            }

            byte status = _single[0];
            if ((status & DataReady) == 0)
            {
                _staleReads++;
                if (StaleReadLimit > 0 && _staleReads > StaleReadLimit)
                {
                    return false; // no measurement for several reads: a stuck chip, not a steady field
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

            if ((status & Overflow) != 0 || !Read(Qmc5883lRegister.DataXLsb, _data, 6))
            {
                return false;
            }

            xNanotesla = CountsToNanotesla(_data[0], _data[1]);
            yNanotesla = CountsToNanotesla(_data[2], _data[3]);
            zNanotesla = CountsToNanotesla(_data[4], _data[5]);
            return true;
        }

        /// <summary>
        /// Reads the temperature output (about 100 LSB/°C, datasheet §8.3) plus
        /// <see cref="TemperatureOffsetMilliCelsius"/>.
        /// </summary>
        public bool TryReadTemperature(out int milliCelsius)
        {
            milliCelsius = 0;
            if (Status != DriverStatus.Ready || !Read(Qmc5883lRegister.TemperatureLsb, _pair, 2))
            {
                return false;
            }

            milliCelsius = ((short)((_pair[1] << 8) | _pair[0]) * 10) + TemperatureOffsetMilliCelsius;
            return true;
        }

        // ±8 G range: 3,000 LSB per gauss, 1 G = 100,000 nT, so 100/3 nT per count (rounded to nearest).
        private static int CountsToNanotesla(byte lsb, byte msb)
        {
            int scaled = (short)((msb << 8) | lsb) * 100;
            return scaled >= 0 ? (scaled + 1) / 3 : -((-scaled + 1) / 3);
        }

        private bool Read(Qmc5883lRegister first, byte[] buffer, int count)
        {
            if (_bus.TryRead((byte)first, buffer, count))
            {
                return true;
            }

            BusErrors++;
            return false;
        }

        private bool Write(Qmc5883lRegister register, byte value)
        {
            if (_bus.TryWrite((byte)register, value))
            {
                return true;
            }

            BusErrors++;
            return false;
        }

        private bool Fail(DriverStatus status, string reason)
        {
            BusErrors += status == DriverStatus.NotResponding ? 1 : 0;
            Status = status;
            FailureReason = reason;
            return false;
        }
    }
}
