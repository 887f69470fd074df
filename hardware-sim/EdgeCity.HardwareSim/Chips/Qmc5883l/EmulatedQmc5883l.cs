namespace EdgeCity.HardwareSim.Chips.Qmc5883l;

/// <summary>
/// A register-level QST QMC5883L 3-axis magnetometer (datasheet rev. 1.0), for the firmware's
/// <c>Qmc5883lMagnetometer</c> driver. Modelled: power-on values, read-only data/status/temperature/id registers,
/// the pointer with auto-increment and optional roll-over, standby/continuous modes, ±2 G / ±8 G ranges with
/// saturation and the OVL flag, DRDY and DOR, soft reset, the uncompensated temperature output, noise,
/// sensitivity temperature drift, and two faults (bus NACK, stuck output).
/// </summary>
/// <remarks>
/// Virtual time: the simulator calls <see cref="Sample"/> at (or slower than) the output data rate. A read of
/// status or data in continuous mode with no unread measurement also takes one, since the time between the
/// board's reads is always longer than the 5–100 ms output period.
/// </remarks>
public sealed class EmulatedQmc5883l : EmulatedRegisterChip
{
    /// <summary>The chip's fixed 7-bit I2C address (datasheet §9.2).</summary>
    public const int I2cAddress = 0x0D;

    private const int NanoteslaPerGauss = 100_000;
    private const byte DataReady = 0x01;  // DRDY
    private const byte Overflow = 0x02;   // OVL
    private const byte DataSkipped = 0x04; // DOR

    private readonly IMagneticFieldSource _field;
    private readonly ITemperatureSource? _temperature;
    private readonly Random _noise;
    private readonly double _sensitivityTempcoPerCelsius;
    private readonly int _temperatureOffsetLsb;
    private readonly byte[] _registers = new byte[0x0E];

    /// <summary>Creates the chip at power-on, measuring <paramref name="field"/>.</summary>
    /// <param name="field">The world at the chip's die.</param>
    /// <param name="seed">Seed of the noise and of the chip's own tempco and temperature offset.</param>
    /// <param name="temperature">Die temperature; null holds the die at 25 °C.</param>
    /// <param name="busId">I2C bus number on the simulated board.</param>
    public EmulatedQmc5883l(IMagneticFieldSource field, int seed, ITemperatureSource? temperature = null, int busId = 1)
        : base(busId, I2cAddress)
    {
        _field = field;
        _temperature = temperature;
        _noise = new Random(seed);

        // Residual sensitivity drift of the factory-compensated chip, drawn within ±0.02 %/°C (see README).
        _sensitivityTempcoPerCelsius = _noise.NextSymmetric(0.0002);

        // §8.3: "its offset has not been compensated, only relative value of temperature is accurate".
        _temperatureOffsetLsb = (int)Math.Round(_noise.NextSymmetric(TemperatureOffsetSpreadCelsius) * TemperatureLsbPerCelsius);
        PowerOn();
    }

    /// <summary>Temperature output gain, LSB per °C (datasheet §8.3: "about 100 LSB/°C").</summary>
    public const int TemperatureLsbPerCelsius = 100;

    /// <summary>Half-width of the per-chip temperature output offset, °C (an assumption: the datasheet gives none).</summary>
    public const double TemperatureOffsetSpreadCelsius = 10;

    /// <summary>Noise of one measurement per axis, standard deviation in nT (datasheet: 2 mG field resolution).</summary>
    public double NoiseNanotesla { get; set; } = 200;

    /// <summary>Measurements taken since power-on.</summary>
    public long Measurements { get; private set; }

    /// <summary>The temperature output at 0 °C of this chip, LSB (its uncompensated offset).</summary>
    public int TemperatureOffsetLsb => _temperatureOffsetLsb;

    /// <inheritdoc />
    protected override string ChipName => "QMC5883L";

    /// <summary>Restores the power-on register values (datasheet §9.1: all zero but 0Ch = 01h and the id 0Dh = FFh).</summary>
    public void PowerOn()
    {
        Array.Clear(_registers);
        _registers[(int)Qmc5883lRegister.Reserved] = 0x01;
        _registers[(int)Qmc5883lRegister.ChipId] = 0xFF;
        Pointer = 0;
    }

    /// <summary>
    /// The chip's own clock: in continuous mode takes the next measurement now (virtual time). If the previous
    /// one was never read, DOR is set (datasheet §9.2.3).
    /// </summary>
    public void Sample()
    {
        if (IsContinuous)
        {
            Measure();
        }
    }

    /// <summary>Datasheet §9.2.4: with ROL_PNT set the pointer rolls from the status register (06h) back to 00h.</summary>
    protected override byte NextPointer(byte pointer) =>
        pointer == (byte)Qmc5883lRegister.Status && (_registers[(int)Qmc5883lRegister.Control2] & 0x40) != 0
            ? (byte)0
            : unchecked((byte)(pointer + 1));

    /// <inheritdoc />
    protected override void WriteRegister(byte register, byte value)
    {
        switch ((Qmc5883lRegister)register)
        {
            case Qmc5883lRegister.Control1:
            case Qmc5883lRegister.SetResetPeriod:
                _registers[register] = value;
                break;
            case Qmc5883lRegister.Control2:
                if ((value & 0x80) != 0)
                {
                    // SOFT_RST: every register back to its default; the bit itself reads 0 afterwards.
                    PowerOn();
                    return;
                }

                _registers[register] = (byte)(value & 0x41); // INT_ENB and ROL_PNT
                break;
            default:
                break; // data, status, temperature and id are read-only
        }
    }

    /// <inheritdoc />
    protected override byte ReadRegister(byte register)
    {
        if (register >= _registers.Length)
        {
            return 0;
        }

        byte value = _registers[register];
        if (register <= (byte)Qmc5883lRegister.DataZMsb)
        {
            // §9.2.3: DRDY and DOR are reset by reading any data register.
            _registers[(int)Qmc5883lRegister.Status] &= unchecked((byte)~(DataReady | DataSkipped));
        }

        return value;
    }

    /// <summary>
    /// Continuous mode: a read burst that starts in the output block (data, status, temperature) while no
    /// measurement is waiting takes a fresh one first; the burst then reads that one sample throughout (the
    /// output registers hold still during a multi-byte read, §9.1).
    /// </summary>
    protected override void OnReadStarting(byte firstRegister)
    {
        if (firstRegister <= (byte)Qmc5883lRegister.TemperatureMsb && IsContinuous && (_registers[(int)Qmc5883lRegister.Status] & DataReady) == 0)
        {
            Measure();
        }
    }

    /// <summary>The DRDY pin: high while a measurement is unread, unless INT_ENB (0Ah bit 0) disables it.</summary>
    public bool DataReadyLine =>
        (_registers[(int)Qmc5883lRegister.Control2] & 0x01) == 0 && (_registers[(int)Qmc5883lRegister.Status] & DataReady) != 0;

    private bool IsContinuous => (_registers[(int)Qmc5883lRegister.Control1] & 0x03) == 0x01;

    // RNG (09h bits 5:4): 00 = ±2 G at 12,000 LSB/G, 01 = ±8 G at 3,000 LSB/G (datasheet Table 2).
    private int LsbPerGauss => (_registers[(int)Qmc5883lRegister.Control1] & 0x30) == 0x10 ? 3000 : 12000;

    private void Measure()
    {
        if (OutputStuck)
        {
            return;
        }

        Measurements++;
        double celsius = _temperature?.TemperatureCelsius() ?? 25.0;
        double gain = 1.0 + (_sensitivityTempcoPerCelsius * (celsius - 25.0));
        var (x, y, z) = _field.FieldAtSensor();
        bool overflow = false;
        Store(Qmc5883lRegister.DataXLsb, ToCounts(x, gain, ref overflow));
        Store(Qmc5883lRegister.DataYLsb, ToCounts(y, gain, ref overflow));
        Store(Qmc5883lRegister.DataZLsb, ToCounts(z, gain, ref overflow));
        Store(Qmc5883lRegister.TemperatureLsb, (short)Math.Clamp(Math.Round(celsius * TemperatureLsbPerCelsius) + _temperatureOffsetLsb, short.MinValue, short.MaxValue));

        byte status = _registers[(int)Qmc5883lRegister.Status];
        byte skipped = (status & DataReady) != 0 ? DataSkipped : (byte)(status & DataSkipped);

        // §9.2.3: OVL follows each measurement; it clears when the next one is back in range.
        _registers[(int)Qmc5883lRegister.Status] = (byte)(DataReady | skipped | (overflow ? Overflow : 0));
    }

    private short ToCounts(double nanotesla, double gain, ref bool overflow)
    {
        double counts = Math.Round(((nanotesla * gain) + (_noise.NextGaussian() * NoiseNanotesla)) * LsbPerGauss / NanoteslaPerGauss);

        // §9.2.3: "The output data of each axis saturates at -32768 and 32767" and OVL is set.
        if (counts is < short.MinValue or > short.MaxValue)
        {
            overflow = true;
            return counts < 0 ? short.MinValue : short.MaxValue;
        }

        return (short)counts;
    }

    private void Store(Qmc5883lRegister lsb, short value)
    {
        _registers[(int)lsb] = (byte)value;
        _registers[(int)lsb + 1] = (byte)(value >> 8);
    }
}
