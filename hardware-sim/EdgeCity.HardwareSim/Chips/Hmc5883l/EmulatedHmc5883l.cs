namespace EdgeCity.HardwareSim.Chips.Hmc5883l;

/// <summary>
/// A register-level Honeywell HMC5883L 3-axis magnetometer (datasheet rev. E, 2013), for the real
/// <c>Iot.Device.Hmc5883l</c> driver to talk to. Modelled: power-on register values, read-only data/status/id
/// registers, the register pointer with auto-increment, gain and the ±2048-count output range with the
/// −4096 overflow marker, the data-output lock, single-measurement mode returning to idle, noise, the
/// samples averaged per measurement (CRA bits MA1..MA0: 1, 2, 4 or 8; the noise of the output falls with the
/// square root of their number), the sensitivity temperature coefficient, and two faults (bus NACK, stuck output).
/// </summary>
public sealed class EmulatedHmc5883l : EmulatedRegisterChip
{
    /// <summary>The chip's fixed 7-bit I2C address (datasheet p.11).</summary>
    public const int I2cAddress = 0x1E;

    // Gain settings GN2..GN0 → LSB per gauss (datasheet Table 9).
    private static readonly int[] GainLsbPerGauss = [1370, 1090, 820, 660, 440, 390, 330, 230];

    private const short OverflowCount = -4096;
    private const int NanoteslaPerGauss = 100_000;

    /// <summary>Sensitivity temperature coefficient, fraction per °C (datasheet: −0.3 %/°C typical), about 25 °C.</summary>
    public const double SensitivityTempcoPerCelsius = -0.003;

    private readonly IMagneticFieldSource _field;
    private readonly ITemperatureSource? _temperature;
    private readonly Random _noise;
    private readonly byte[] _registers = new byte[13];
    private bool _dataLocked;
    private int _dataBytesRead;

    /// <summary>Creates the chip at power-on, measuring <paramref name="field"/>.</summary>
    /// <param name="field">The world at the chip's die.</param>
    /// <param name="seed">Seed of the measurement noise.</param>
    /// <param name="temperature">Die temperature; null holds the die at 25 °C.</param>
    /// <param name="busId">I2C bus number on the simulated board.</param>
    public EmulatedHmc5883l(IMagneticFieldSource field, int seed, ITemperatureSource? temperature = null, int busId = 1)
        : base(busId, I2cAddress)
    {
        _field = field;
        _temperature = temperature;
        _noise = new Random(seed);
        PowerOn();
    }

    /// <summary>Noise of one measurement, standard deviation in nT (datasheet: noise floor 2 mG = 200 nT).</summary>
    public double NoiseNanotesla { get; set; } = 200;

    /// <summary>
    /// Samples the chip averages into one output, from CRA bits MA1..MA0 (datasheet Table 4: 00 = 1, 01 = 2,
    /// 10 = 4, 11 = 8). Each takes a full conversion, so the measurement lasts (and draws current) that many times
    /// longer — priced in docs/power-model.md.
    /// </summary>
    public int SamplesAveraged => 1 << ((_registers[(int)Hmc5883lRegister.ConfigurationA] >> 5) & 0x03);

    /// <summary>Measurements taken since power-on.</summary>
    public long Measurements { get; private set; }

    /// <summary>Restores the power-on register values (datasheet Table 2 "Default").</summary>
    public void PowerOn()
    {
        Array.Clear(_registers);
        _registers[(int)Hmc5883lRegister.ConfigurationA] = 0x10; // 1 sample averaged, 15 Hz, normal measurement
        _registers[(int)Hmc5883lRegister.ConfigurationB] = 0x20; // gain 1090 LSB/G
        _registers[(int)Hmc5883lRegister.Mode] = 0x01;           // single-measurement mode
        _registers[(int)Hmc5883lRegister.IdentificationA] = (byte)'H';
        _registers[(int)Hmc5883lRegister.IdentificationB] = (byte)'4';
        _registers[(int)Hmc5883lRegister.IdentificationC] = (byte)'3';
        Pointer = 0;
        _dataLocked = false;
        _dataBytesRead = 0;
    }

    /// <inheritdoc />
    protected override string ChipName => "HMC5883L";

    /// <summary>Datasheet "Register Access": the pointer wraps from the last data register (08) back to 03, and past 12 to 00.</summary>
    protected override byte NextPointer(byte pointer) => pointer switch
    {
        (byte)Hmc5883lRegister.DataYLsb => (byte)Hmc5883lRegister.DataXMsb,
        (byte)Hmc5883lRegister.IdentificationC => 0,
        _ => (byte)(pointer + 1),
    };

    /// <inheritdoc />
    protected override void WriteRegister(byte register, byte value)
    {
        // Only the three configuration registers are writable; writes elsewhere are ignored, as on the chip.
        if (register > (byte)Hmc5883lRegister.Mode)
        {
            return;
        }

        _registers[register] = value;
        if (register == (byte)Hmc5883lRegister.Mode)
        {
            // A write to the mode register clears the data lock (datasheet, Status Register).
            _dataLocked = false;
            _dataBytesRead = 0;
            if ((value & 0x03) == 0x01)
            {
                Measure();
            }
        }
    }

    /// <inheritdoc />
    protected override byte ReadRegister(byte register)
    {
        if (register >= _registers.Length)
        {
            return 0;
        }

        if (register is >= (byte)Hmc5883lRegister.DataXMsb and <= (byte)Hmc5883lRegister.DataYLsb)
        {
            OnDataRegisterRead();
            byte value = _registers[register];
            if (_dataBytesRead >= 6)
            {
                // All six output bytes read: the lock releases and RDY clears until the next measurement.
                _dataLocked = false;
                _dataBytesRead = 0;
            }

            return value;
        }

        if (register == (byte)Hmc5883lRegister.Status)
        {
            return (byte)((_dataLocked ? 0x02 : 0x00) | (IsIdle ? 0x00 : 0x01));
        }

        return _registers[register];
    }

    private bool IsIdle => (_registers[(int)Hmc5883lRegister.Mode] & 0x02) != 0;

    private void OnDataRegisterRead()
    {
        if (!_dataLocked)
        {
            // Continuous mode: the output registers hold the latest measurement; the simulator's time
            // between reads is always longer than the output period, so a fresh one is taken here.
            if ((_registers[(int)Hmc5883lRegister.Mode] & 0x03) == 0x00)
            {
                Measure();
            }

            _dataLocked = true;
        }

        _dataBytesRead++;
    }

    private void Measure()
    {
        if (OutputStuck)
        {
            return;
        }

        Measurements++;
        // The AMR bridge's sensitivity falls as the die warms; the chip does not compensate it (datasheet Table 1).
        double celsius = _temperature?.TemperatureCelsius() ?? 25.0;
        double gain = GainLsbPerGauss[_registers[(int)Hmc5883lRegister.ConfigurationB] >> 5]
            * (1.0 + (SensitivityTempcoPerCelsius * (celsius - 25.0)));
        var (x, y, z) = _field.FieldAtSensor();
        // Averaging n independent conversions divides the noise's standard deviation by √n.
        double noise = NoiseNanotesla / Math.Sqrt(SamplesAveraged);
        Store(Hmc5883lRegister.DataXMsb, ToCounts(x, gain, noise));
        Store(Hmc5883lRegister.DataYMsb, ToCounts(y, gain, noise));
        Store(Hmc5883lRegister.DataZMsb, ToCounts(z, gain, noise));

        // Single-measurement mode: after the measurement the device returns to idle (MD1:MD0 = 11).
        if ((_registers[(int)Hmc5883lRegister.Mode] & 0x03) == 0x01)
        {
            _registers[(int)Hmc5883lRegister.Mode] = (byte)((_registers[(int)Hmc5883lRegister.Mode] & ~0x03) | 0x03);
        }
    }

    private short ToCounts(double nanotesla, double gainLsbPerGauss, double noiseNanotesla)
    {
        double noisy = nanotesla + (Gaussian() * noiseNanotesla);
        double counts = Math.Round(noisy * gainLsbPerGauss / NanoteslaPerGauss);

        // Output range is 0xF800–0x07FF; beyond it the register reads −4096 (datasheet, Data Output X Registers).
        return counts is < -2048 or > 2047 ? OverflowCount : (short)counts;
    }

    private void Store(Hmc5883lRegister msb, short counts)
    {
        _registers[(int)msb] = (byte)(counts >> 8);
        _registers[(int)msb + 1] = (byte)counts;
    }

    private double Gaussian()
    {
        // Box–Muller on the chip's own seeded generator, so every board's noise is reproducible.
        double u1 = 1.0 - _noise.NextDouble();
        double u2 = _noise.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
