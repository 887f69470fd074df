namespace EdgeCity.HardwareSim.Chips.Ads1115;

/// <summary>
/// A register-level TI ADS1115 16-bit ADC (SBAS444D), for the real <c>Iot.Device.Ads1115</c> driver. Modelled:
/// the pointer and 16-bit registers (MSB first), power-on values, the input multiplexer (differential and
/// single-ended), the PGA full-scale ranges with code saturation at 7FFFh/8000h, single-shot conversions with the
/// OS busy bit, continuous mode, noise, offset and gain errors with their temperature drift, and two faults
/// (bus NACK, stuck output). Not modelled: the comparator and the ALERT/RDY pin (thresholds are stored only),
/// VDD and input clamping, conversion timing in real time.
/// </summary>
/// <remarks>
/// Board wiring in the simulator: the battery through a 1:2 divider (two equal resistors) on AIN0, AIN1–AIN3 at
/// ground unless <see cref="ConnectInput"/> is used.
/// </remarks>
public sealed class EmulatedAds1115 : EmulatedI2cChip
{
    /// <summary>The 7-bit address with ADDR tied to GND (datasheet Table 4).</summary>
    public const int DefaultI2cAddress = 0x48;

    /// <summary>Power-on config (datasheet "Config Register"): OS=1, AIN0–AIN1, ±2.048 V, single-shot, 128 SPS, comparator off.</summary>
    public const ushort PowerOnConfig = 0x8583;

    // PGA[2:0] → full-scale range in volts (datasheet Table 3; 110 and 111 are also ±0.256 V).
    private static readonly double[] FullScaleVolts = [6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256];

    // DR[2:0] → noise standard deviation in LSB. Datasheet Tables 1–2 give peak-to-peak noise of one LSB up to
    // 128 SPS (16 noise-free bits), growing to a few LSB at 860 SPS; σ = p-p / 6.
    private static readonly double[] NoiseLsbByDataRate = [0.17, 0.17, 0.17, 0.17, 0.17, 0.25, 0.35, 0.5];

    private readonly IVoltageSource?[] _inputs = new IVoltageSource?[4];
    private readonly ITemperatureSource? _temperature;
    private readonly Random _noise;
    private readonly double _offsetLsb;
    private readonly double _gainError;
    private ushort _conversion;
    private ushort _config;
    private ushort _lowThreshold;
    private ushort _highThreshold;
    private byte _pointer;
    private bool _converting;

    /// <summary>Creates the ADC at power-on with <paramref name="ain0"/> on input AIN0.</summary>
    /// <param name="ain0">Voltage at AIN0 against ground (the battery divider's midpoint on our boards).</param>
    /// <param name="seed">Seed of the noise and of the chip's own offset and gain errors.</param>
    /// <param name="temperature">Die temperature; null holds the die at 25 °C.</param>
    /// <param name="busId">I2C bus number on the simulated board.</param>
    /// <param name="address">0x48–0x4B, set by the ADDR pin.</param>
    public EmulatedAds1115(IVoltageSource ain0, int seed, ITemperatureSource? temperature = null, int busId = 1, int address = DefaultI2cAddress)
        : base(busId, address)
    {
        _inputs[0] = ain0;
        _temperature = temperature;
        _noise = new Random(seed);
        _offsetLsb = _noise.NextSymmetric(1.0);          // offset error ±1 LSB typical (datasheet "Electrical Characteristics")
        _gainError = _noise.NextSymmetric(0.0001);       // gain error ±0.01 % typical (datasheet "Electrical Characteristics")
        PowerOn();
    }

    /// <summary>Gain drift, fraction per °C (datasheet "Electrical Characteristics": 7 ppm/°C typical).</summary>
    public const double GainDriftPerCelsius = 7e-6;

    /// <summary>Offset drift, LSB per °C (datasheet "Electrical Characteristics": 0.005 LSB/°C typical).</summary>
    public const double OffsetDriftLsbPerCelsius = 0.005;

    /// <summary>Conversions completed since power-on.</summary>
    public long Conversions { get; private set; }

    /// <inheritdoc />
    protected override string ChipName => "ADS1115";

    /// <summary>Connects <paramref name="source"/> to input AIN<paramref name="pin"/> (0–3); null grounds it.</summary>
    public void ConnectInput(int pin, IVoltageSource? source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pin, 3);
        _inputs[pin] = source;
    }

    /// <summary>Restores the power-on register values (datasheet "Register Map").</summary>
    public void PowerOn()
    {
        _conversion = 0;
        _config = PowerOnConfig;
        _lowThreshold = 0x8000;
        _highThreshold = 0x7FFF;
        _pointer = 0;
        _converting = false;
    }

    /// <summary>Datasheet "Writing To and Reading From the Registers": the first byte is the address pointer; two more bytes write that register, MSB first.</summary>
    protected override void OnWrite(ReadOnlySpan<byte> written)
    {
        _pointer = (byte)(written[0] & 0x03);
        if (written.Length < 3)
        {
            return;
        }

        ushort value = (ushort)((written[1] << 8) | written[2]);
        switch ((Ads1115Register)_pointer)
        {
            case Ads1115Register.Config:
                WriteConfig(value);
                break;
            case Ads1115Register.LowThreshold:
                _lowThreshold = value;
                break;
            case Ads1115Register.HighThreshold:
                _highThreshold = value;
                break;
            default:
                break; // the conversion register is read-only
        }
    }

    /// <summary>Reads the pointed register MSB first; further bytes repeat it.</summary>
    protected override void OnRead(Span<byte> buffer)
    {
        ushort value = ReadPointed();
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (i & 1) == 0 ? (byte)(value >> 8) : (byte)value;
        }
    }

    private bool IsContinuous => (_config & 0x0100) == 0;

    private void WriteConfig(ushort value)
    {
        // OS always reads back as status, never as written (datasheet "Config Register").
        _config = (ushort)(value & 0x7FFF);
        if (IsContinuous || (value & 0x8000) != 0)
        {
            // A single-shot conversion starts (or continuous conversions restart with the new settings).
            _converting = true;
        }
    }

    private ushort ReadPointed()
    {
        switch ((Ads1115Register)_pointer)
        {
            case Ads1115Register.Config:
                // OS = 0 while a conversion is in progress. One status poll stands for the conversion time
                // (1/DR ≥ 1.2 ms is longer than an I2C read); the next poll finds it done.
                if (_converting && !IsContinuous)
                {
                    _converting = false;
                    Convert();
                    return _config;
                }

                return (ushort)(_config | (IsContinuous ? 0 : 0x8000));
            case Ads1115Register.Conversion:
                if (IsContinuous)
                {
                    // Continuous mode: the register always holds a conversion fresher than the last read.
                    _converting = false;
                    Convert();
                }

                return _conversion;
            case Ads1115Register.LowThreshold:
                return _lowThreshold;
            default:
                return _highThreshold;
        }
    }

    private void Convert()
    {
        if (OutputStuck)
        {
            return;
        }

        Conversions++;
        int mux = (_config >> 12) & 0x07;
        int pga = (_config >> 9) & 0x07;
        int dataRate = (_config >> 5) & 0x07;
        double volts = mux switch
        {
            0 => Pin(0) - Pin(1),
            1 => Pin(0) - Pin(3),
            2 => Pin(1) - Pin(3),
            3 => Pin(2) - Pin(3),
            _ => Pin(mux - 4),
        };

        double celsius = _temperature?.TemperatureCelsius() ?? 25.0;
        double lsbVolts = FullScaleVolts[pga] / 32768.0;
        double gain = 1.0 + _gainError + (GainDriftPerCelsius * (celsius - 25.0));
        double offset = _offsetLsb + (OffsetDriftLsbPerCelsius * (celsius - 25.0));
        double code = Math.Round((volts * gain / lsbVolts) + offset + (_noise.NextGaussian() * NoiseLsbByDataRate[dataRate]));

        // Datasheet "Data Format": beyond ±FS the code clips to 7FFFh or 8000h.
        _conversion = (ushort)(short)Math.Clamp(code, short.MinValue, short.MaxValue);
    }

    private double Pin(int pin) => _inputs[pin]?.Volts() ?? 0.0;
}
