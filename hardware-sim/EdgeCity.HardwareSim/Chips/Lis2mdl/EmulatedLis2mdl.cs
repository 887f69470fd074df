namespace EdgeCity.HardwareSim.Chips.Lis2mdl;

/// <summary>
/// A register-level ST LIS2MDL 3-axis magnetometer (DS12144 rev. 6) with its threshold interrupt, for the
/// firmware's <c>Lis2mdlMagnetometer</c> driver. Modelled: power-on values, the read-only WHO_AM_I, status, output,
/// temperature and interrupt-source registers, soft reset, continuous/single/idle modes, hard-iron OFFSET
/// subtraction, set/reset offset cancellation, the ±32768-count output with the MROI range-overflow flag, data-ready
/// and overrun flags, the byte-order swap (BLE), noise, temperature drift and output, the interrupt engine and its pin,
/// and two faults (bus NACK, stuck output).
/// </summary>
/// <remarks>
/// The chip measures on its own at its output data rate: the simulator calls <see cref="Sample"/> at each output
/// period of virtual time (or each board tick, which is never shorter). Single mode measures as soon as MD = 01 is
/// written. The INT/DRDY pin level is <see cref="InterruptLine"/>.
/// </remarks>
public sealed class EmulatedLis2mdl : EmulatedRegisterChip
{
    /// <summary>The chip's fixed 7-bit I2C address (DS12144 §6.1.1).</summary>
    public const int I2cAddress = 0x1E;

    /// <summary>Sensitivity, nT per LSB (DS12144 Table 2: 1.5 mG/LSB).</summary>
    public const double NanoteslaPerLsb = 150;

    /// <summary>Zero-gauss offset spread before offset cancellation, nT (DS12144 Table 2: ±60 mG typical).</summary>
    public const double ZeroGaussOffsetNanotesla = 6_000;

    /// <summary>Sensitivity change vs temperature, fraction per °C, half-width of the per-chip draw (see README).</summary>
    public const double SensitivityTempcoPerCelsius = 0.0003;

    /// <summary>Temperature output gain, LSB per °C, 0 LSB at 25 °C (DS12144 Table 3).</summary>
    public const int TemperatureLsbPerCelsius = 8;

    private const byte WhoAmIValue = 0x40;

    private readonly IMagneticFieldSource _field;
    private readonly ITemperatureSource? _temperature;
    private readonly Random _noise;
    private readonly double[] _zeroGaussOffsetNanotesla = new double[3];
    private readonly double _sensitivityTempco;
    private readonly byte[] _registers = new byte[0x70];
    private readonly Lis2mdlInterruptEngine _interrupt = new();

    // Per-measurement scratch, kept so a measurement allocates nothing (the firmware's sampling loop is
    // checked for zero allocation with these chips beneath it).
    private readonly double[] _fieldScratch = new double[3];
    private readonly int[] _raw = new int[3];
    private readonly int[] _corrected = new int[3];

    /// <summary>Creates the chip at power-on, measuring <paramref name="field"/>.</summary>
    /// <param name="field">The world at the chip's die.</param>
    /// <param name="seed">Seed of the noise and of the chip's own offsets and tempco.</param>
    /// <param name="temperature">Die temperature; null holds the die at 25 °C.</param>
    /// <param name="busId">I2C bus number on the simulated board.</param>
    public EmulatedLis2mdl(IMagneticFieldSource field, int seed, ITemperatureSource? temperature = null, int busId = 1)
        : base(busId, I2cAddress)
    {
        _field = field;
        _temperature = temperature;
        _noise = new Random(seed);
        for (int axis = 0; axis < 3; axis++)
        {
            _zeroGaussOffsetNanotesla[axis] = _noise.NextSymmetric(ZeroGaussOffsetNanotesla);
        }

        _sensitivityTempco = _noise.NextSymmetric(SensitivityTempcoPerCelsius);
        PowerOn();
    }

    /// <summary>RMS noise in high-resolution mode, nT (DS12144 Table 2: 3 mG with the low-pass filter off).</summary>
    public double NoiseNanotesla { get; set; } = 300;

    /// <summary>RMS noise in low-power mode (LP = 1), nT (DS12144 Table 2: 4.5 mG).</summary>
    public double LowPowerNoiseNanotesla { get; set; } = 450;

    /// <summary>Measurements taken since power-on.</summary>
    public long Measurements { get; private set; }

    /// <summary>
    /// The INT/DRDY pin, true = high: the interrupt (INT_on_PIN = 1, polarity by IEA), else data-ready
    /// (DRDY_on_PIN = 1), else low.
    /// </summary>
    public bool InterruptLine =>
        (Register(Lis2mdlRegister.ConfigC) & 0x40) != 0 ? _interrupt.IntLevel
        : (Register(Lis2mdlRegister.ConfigC) & 0x01) != 0 && (Register(Lis2mdlRegister.Status) & 0x08) != 0;

    /// <summary>The chip's current operating mode, MD[1:0] of CFG_REG_A: 0 continuous, 1 single, 2–3 idle.</summary>
    public int Mode => Register(Lis2mdlRegister.ConfigA) & 0x03;

    /// <inheritdoc />
    protected override string ChipName => "LIS2MDL";

    /// <summary>Restores the power-on values (DS12144 Table 16): CFG_REG_A 03h (idle), INT_CTRL_REG E0h, others 00h.</summary>
    public void PowerOn()
    {
        Array.Clear(_registers);
        _registers[(int)Lis2mdlRegister.WhoAmI] = WhoAmIValue;
        _registers[(int)Lis2mdlRegister.ConfigA] = 0x03;
        _interrupt.Reset();
        Pointer = 0;
    }

    /// <summary>
    /// The chip's own clock: in continuous mode takes the next measurement now (virtual time) and runs the
    /// interrupt engine on it. Does nothing in single or idle mode.
    /// </summary>
    public void Sample()
    {
        if (Mode == 0)
        {
            Measure(offsetCancelled: (Register(Lis2mdlRegister.ConfigB) & 0x02) != 0);
        }
    }

    /// <inheritdoc />
    protected override void WriteRegister(byte register, byte value)
    {
        switch ((Lis2mdlRegister)register)
        {
            case >= Lis2mdlRegister.OffsetXLow and <= Lis2mdlRegister.OffsetZHigh:
            case Lis2mdlRegister.ConfigB:
            case Lis2mdlRegister.ConfigC:
                _registers[register] = value;
                break;
            case Lis2mdlRegister.InterruptControl:
                _interrupt.Control = (byte)(value & 0xE7); // bits 4:3 must be 0
                break;
            case Lis2mdlRegister.InterruptThresholdLow:
                _interrupt.ThresholdLsb = (_interrupt.ThresholdLsb & 0xFF00) | value;
                break;
            case Lis2mdlRegister.InterruptThresholdHigh:
                _interrupt.ThresholdLsb = (_interrupt.ThresholdLsb & 0x00FF) | (value << 8);
                break;
            case Lis2mdlRegister.ConfigA:
                WriteConfigA(value);
                break;
            default:
                break; // WHO_AM_I, status, outputs, temperature and INT_SOURCE are read-only; reserved ignored
        }
    }

    /// <inheritdoc />
    protected override byte ReadRegister(byte register)
    {
        if (register >= _registers.Length)
        {
            return 0;
        }

        switch ((Lis2mdlRegister)register)
        {
            case Lis2mdlRegister.InterruptControl:
                return _interrupt.Control;
            case Lis2mdlRegister.InterruptThresholdLow:
                return (byte)_interrupt.ThresholdLsb;
            case Lis2mdlRegister.InterruptThresholdHigh:
                return (byte)(_interrupt.ThresholdLsb >> 8);
            case Lis2mdlRegister.InterruptSource:
                return _interrupt.ReadSource();
            case >= Lis2mdlRegister.OutXLow and <= Lis2mdlRegister.TemperatureHigh:
                return ReadOutput(register);
            default:
                return _registers[register];
        }
    }

    private byte Register(Lis2mdlRegister register) => _registers[(int)register];

    private void WriteConfigA(byte value)
    {
        if ((value & 0x20) != 0)
        {
            // SOFT_RST: configuration and user registers back to their defaults (DS12144 §8.5); the bit self-clears.
            PowerOn();
            return;
        }

        _registers[(int)Lis2mdlRegister.ConfigA] = (byte)(value & 0x9F); // REBOOT and SOFT_RST read back 0
        if ((value & 0x03) == 0x01)
        {
            // Single mode: one measurement, then back to idle (DS12144 §8.5, MD = 01). Offset cancellation
            // applies only with OFF_CANC and OFF_CANC_ONE_SHOT both set (§8.6).
            Measure(offsetCancelled: (Register(Lis2mdlRegister.ConfigB) & 0x12) == 0x12);
            _registers[(int)Lis2mdlRegister.ConfigA] |= 0x03;
        }
    }

    private byte ReadOutput(byte register)
    {
        // BLE = 1 swaps the low and high bytes of the data (DS12144 §8.7).
        bool swapped = (Register(Lis2mdlRegister.ConfigC) & 0x08) != 0;
        byte value = _registers[swapped ? register ^ 1 : register];
        int axis = (register - (int)Lis2mdlRegister.OutXLow) / 2;
        bool isHighByte = (register & 1) != 0;
        if (axis < 3 && isHighByte)
        {
            // Reading an axis clears its data-available and overrun flags; Zyxda/Zyxor once all three are read.
            byte status = (byte)(Register(Lis2mdlRegister.Status) & ~((1 << axis) | (0x10 << axis)));
            if ((status & 0x07) == 0)
            {
                status &= 0x77;
            }

            _registers[(int)Lis2mdlRegister.Status] = status;
        }

        return value;
    }

    private void Measure(bool offsetCancelled)
    {
        if (OutputStuck)
        {
            return;
        }

        Measurements++;
        double celsius = _temperature?.TemperatureCelsius() ?? 25.0;
        double gain = 1.0 + (_sensitivityTempco * (celsius - 25.0));
        bool lowPower = (Register(Lis2mdlRegister.ConfigA) & 0x10) != 0;
        double noise = lowPower ? LowPowerNoiseNanotesla : NoiseNanotesla;
        if ((Register(Lis2mdlRegister.ConfigB) & 0x01) != 0)
        {
            noise /= Math.Sqrt(2); // LPF halves the bandwidth (ODR/2 → ODR/4), so √2 less noise
        }

        (_fieldScratch[0], _fieldScratch[1], _fieldScratch[2]) = _field.FieldAtSensor();
        double[] field = _fieldScratch;
        int[] raw = _raw;
        int[] corrected = _corrected;
        bool overflow = false;
        for (int axis = 0; axis < 3; axis++)
        {
            double nanotesla = (field[axis] * gain) + (_noise.NextGaussian() * noise)
                + (offsetCancelled ? 0 : _zeroGaussOffsetNanotesla[axis]);
            double counts = Math.Round(nanotesla / NanoteslaPerLsb);
            overflow |= counts is < short.MinValue or > short.MaxValue;
            raw[axis] = (int)Math.Clamp(counts, short.MinValue, short.MaxValue);

            // Hard-iron correction: the OFFSET registers are subtracted from the output (DS12144 §8.1).
            int offset = (short)(_registers[(int)Lis2mdlRegister.OffsetXLow + (2 * axis)] | (_registers[(int)Lis2mdlRegister.OffsetXHigh + (2 * axis)] << 8));
            corrected[axis] = Math.Clamp(raw[axis] - offset, short.MinValue, short.MaxValue);
            Store(Lis2mdlRegister.OutXLow + (byte)(2 * axis), corrected[axis]);
        }

        Store(Lis2mdlRegister.TemperatureLow, (int)Math.Clamp(Math.Round((celsius - 25.0) * TemperatureLsbPerCelsius), short.MinValue, short.MaxValue));

        // STATUS_REG: new data on all axes; data still unread is overrun (xor/yor/zor, Zyxor).
        byte status = Register(Lis2mdlRegister.Status);
        byte overrun = (byte)((status & 0x07) << 4);
        _registers[(int)Lis2mdlRegister.Status] = (byte)(0x0F | overrun | (overrun != 0 ? 0x80 : 0));

        // INT_on_DataOFF selects whether the interrupt sees data before or after hard-iron correction (§8.6).
        bool afterCorrection = (Register(Lis2mdlRegister.ConfigB) & 0x08) != 0;
        int[] compared = afterCorrection ? corrected : raw;
        _interrupt.Evaluate(compared[0], compared[1], compared[2], overflow);
    }

    private void Store(Lis2mdlRegister low, int value)
    {
        _registers[(int)low] = (byte)value;
        _registers[(int)low + 1] = (byte)(value >> 8);
    }
}
