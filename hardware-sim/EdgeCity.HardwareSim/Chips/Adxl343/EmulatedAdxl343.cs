using System.Device.I2c;
using EdgeCity.Firmware.Drivers.Adxl343;
using EdgeCity.HardwareSim.Gpio;
using EdgeCity.HardwareSim.Time;

namespace EdgeCity.HardwareSim.Chips.Adxl343;

/// <summary>
/// A register-level Analog Devices ADXL343 accelerometer (datasheet rev. B) with its interrupt engine, for the
/// firmware's own driver to talk to over I2C. Modelled: power-on register values and the read-only id, the
/// register pointer with auto-increment, standby/measure, data rates, ±2–16 g and full resolution, offsets,
/// the 32-entry FIFO in bypass, FIFO and stream mode (trigger mode behaves as stream), DATA_READY/watermark,
/// ac- and dc-coupled activity, inactivity, single tap (no double tap), free fall, INT_SOURCE clear-on-read,
/// INT_MAP to INT1/INT2 pins (active high; INT_INVERT not modelled), noise, and a NACK fault. Samples are produced lazily up to the
/// virtual clock on every bus access; while the world is at rest whole stretches are skipped at once.
/// </summary>
public sealed class EmulatedAdxl343 : I2cSimulatedDeviceBase
{
    /// <summary>I2C address with ALT ADDRESS low (boards.json uses 0x53).</summary>
    public const int DefaultAddress = 0x53;

    private const int FifoDepth = 32;
    private const double MgPerThresholdLsb = 62.5;
    private const double MgPerOffsetLsb = 15.6;

    private readonly IAccelerationSource _source;
    private readonly VirtualClock _clock;
    private readonly SimulatedPin _int1;
    private readonly SimulatedPin? _int2;
    private readonly Random _noise;
    private readonly byte[] _registers = new byte[0x3A];
    private readonly short[][] _fifo = [new short[FifoDepth], new short[FifoDepth], new short[FifoDepth]];
    private readonly short[] _latest = new short[3];
    private readonly double[] _mg = new double[3];
    private double _spareGaussian = double.NaN;
    private int _fifoHead;
    private int _fifoCount;
    private byte _pointer;
    private double _nextSampleMs;
    private bool _measuring;
    private long _skippedSamples;

    private readonly double[] _activityReference = new double[3];
    private bool _activityArmed;
    private readonly double[] _inactivityReference = new double[3];
    private int _inactiveSamples;
    private readonly double[] _tapStartMs = [double.NaN, double.NaN, double.NaN];
    private int _freeFallSamples;
    private bool _freeFallReported;

    /// <summary>Creates the chip at power-on.</summary>
    /// <param name="source">The world at the die.</param>
    /// <param name="clock">The board's virtual clock: samples are produced up to its time.</param>
    /// <param name="int1">The GPIO the INT1 pin drives.</param>
    /// <param name="seed">Seed of the measurement noise.</param>
    /// <param name="int2">The GPIO of INT2, if wired.</param>
    /// <param name="address">0x53 or 0x1D.</param>
    public EmulatedAdxl343(IAccelerationSource source, VirtualClock clock, SimulatedPin int1, int seed, SimulatedPin? int2 = null, int address = DefaultAddress)
        : base(new I2cConnectionSettings(1, address))
    {
        _source = source;
        _clock = clock;
        _int1 = int1;
        _int2 = int2;
        _noise = new Random(seed);
        PowerOn();
    }

    /// <summary>Noise of one sample, standard deviation in mg (datasheet: ~1.1 LSB rms at 100 Hz, 3.9 mg/LSB).</summary>
    public double NoiseMg { get; set; } = 4.5;

    /// <summary>Fault: the chip does not acknowledge; every transfer fails as on a real bus.</summary>
    public bool NotAcknowledging { get; set; }

    /// <summary>Samples produced one by one since power-on (skipped stretches at rest not counted).</summary>
    public long SamplesEmulated { get; private set; }

    /// <summary>Restores the power-on register values (datasheet Table 19 "Reset Value").</summary>
    public void PowerOn()
    {
        Array.Clear(_registers);
        _registers[(int)Adxl343Register.DeviceId] = 0xE5;
        _registers[(int)Adxl343Register.BandwidthRate] = 0x0A;
        _registers[(int)Adxl343Register.InterruptSource] = 0x02; // datasheet: reset value of INT_SOURCE
        _fifoHead = _fifoCount = 0;
        _pointer = 0;
        _measuring = false;
        _activityArmed = false;
        UpdatePins();
    }

    /// <summary>
    /// Produces samples up to <paramref name="untilUnixMs"/>, stopping at the first sample that asserts INT1.
    /// Returns that sample's time, or null when INT1 stayed as it was. The board uses it to wake on INT1 at the right moment.
    /// </summary>
    public double? AdvanceUntilInterrupt(double untilUnixMs)
    {
        bool wasActive = _int1.IsActive;
        while (_measuring && _nextSampleMs <= untilUnixMs)
        {
            if (!wasActive && SkipRest(untilUnixMs))
            {
                continue;
            }

            double t = _nextSampleMs;
            MaterialiseSkipped();
            Sample(t);
            _nextSampleMs += PeriodMs;
            if (!wasActive && _int1.IsActive)
            {
                return t;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override void WriteRead(byte[] inputBuffer, byte[] outputBuffer)
    {
        if (NotAcknowledging)
        {
            throw new IOException($"I2C NACK from emulated ADXL343 at address 0x{ConnectionSettings.DeviceAddress:X2}");
        }

        AdvanceUntilInterrupt(_clock.NowUnixMs);
        MaterialiseSkipped();
        if (inputBuffer.Length > 0)
        {
            _pointer = inputBuffer[0];
            for (int i = 1; i < inputBuffer.Length; i++)
            {
                WriteRegister(_pointer, inputBuffer[i]);
                _pointer++;
            }
        }

        bool dataRead = false;
        for (int i = 0; i < outputBuffer.Length; i++)
        {
            dataRead |= _pointer is >= (byte)Adxl343Register.DataX0 and <= (byte)Adxl343Register.DataX0 + 5;
            outputBuffer[i] = ReadRegister(_pointer);
            _pointer++;
        }

        // Datasheet "Retrieving Data from FIFO": the entry is popped when the read of the data registers ends.
        if (dataRead)
        {
            PopData();
        }

        UpdatePins();
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        byte[] data = new byte[buffer.Length];
        WriteRead([], data);
        data.CopyTo(buffer);
    }

    /// <inheritdoc />
    public override byte ReadByte()
    {
        byte[] data = new byte[1];
        WriteRead([], data);
        return data[0];
    }

    /// <inheritdoc />
    public override void WriteByte(byte value) => WriteRead([value], []);

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => WriteRead(buffer.ToArray(), []);

    /// <inheritdoc />
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        byte[] data = new byte[readBuffer.Length];
        WriteRead(writeBuffer.ToArray(), data);
        data.CopyTo(readBuffer);
    }

    private double PeriodMs => 1000.0 / RateHz(_registers[(int)Adxl343Register.BandwidthRate] & 0x0F);

    // Datasheet Table 7: rate code 0x0F = 3200 Hz, each step down halves it.
    private static double RateHz(int code) => 3200.0 / Math.Pow(2, 15 - code);

    private int FifoMode => _registers[(int)Adxl343Register.FifoControl] >> 6;

    private byte InterruptEnable => _registers[(int)Adxl343Register.InterruptEnable];

    private void WriteRegister(byte register, byte value)
    {
        // Read-only: DEVID, ACT_TAP_STATUS, INT_SOURCE, data, FIFO_STATUS; 0x01–0x1C reserved.
        if (register is < (byte)Adxl343Register.TapThreshold or (byte)Adxl343Register.ActivityTapStatus
            or (byte)Adxl343Register.InterruptSource or >= (byte)Adxl343Register.DataX0 and <= (byte)Adxl343Register.DataX0 + 5
            or >= (byte)Adxl343Register.FifoStatus)
        {
            return;
        }

        byte old = _registers[register];
        _registers[register] = value;
        switch ((Adxl343Register)register)
        {
            case Adxl343Register.PowerControl:
                bool measure = (value & 0x08) != 0;
                if (measure && !_measuring)
                {
                    _nextSampleMs = _clock.NowUnixMs + PeriodMs;
                    _activityArmed = false;
                }

                _measuring = measure;
                break;
            case Adxl343Register.InterruptEnable when (value & Adxl343Interrupts.Activity) != 0 && (old & Adxl343Interrupts.Activity) == 0:
            case Adxl343Register.ActivityInactivityControl:
                // Activity detection (re)starts: ac-coupled mode takes a new reference on the next sample.
                _activityArmed = false;
                break;
            case Adxl343Register.FifoControl when (value >> 6) == 0:
                _fifoCount = 0; // bypass clears the FIFO
                break;
        }
    }

    private byte ReadRegister(byte register)
    {
        if (register >= _registers.Length)
        {
            return 0;
        }

        if (register is >= (byte)Adxl343Register.DataX0 and <= (byte)Adxl343Register.DataX0 + 5)
        {
            int axis = (register - (byte)Adxl343Register.DataX0) / 2;
            short value = FifoMode != 0 && _fifoCount > 0 ? _fifo[axis][_fifoHead] : _latest[axis];
            return (register & 1) == 0 ? (byte)value : (byte)(value >> 8);
        }

        if (register == (byte)Adxl343Register.FifoStatus)
        {
            return (byte)_fifoCount;
        }

        byte result = _registers[register];
        if (register == (byte)Adxl343Register.InterruptSource)
        {
            // Event bits clear on read; DATA_READY, watermark and overrun follow the data instead.
            _registers[register] &= Adxl343Interrupts.DataReady | Adxl343Interrupts.Watermark | Adxl343Interrupts.Overrun;
        }

        return result;
    }

    private void PopData()
    {
        if (FifoMode != 0 && _fifoCount > 0)
        {
            _fifoHead = (_fifoHead + 1) % FifoDepth;
            _fifoCount--;
        }

        UpdateDataFlags(afterRead: true);
    }

    private bool SkipRest(double untilUnixMs)
    {
        // Where the world promises the acceleration stays within a bound that none of the thresholds can reach,
        // no event can fire: the samples are skipped, and the last FIFO-full of them is produced only if the
        // driver reads (MaterialiseSkipped), so the FIFO and output registers hold what they would. Exact for
        // the interrupts; FIFO mode (which stops when full) is always emulated sample by sample.
        if (FifoMode == 1)
        {
            return false;
        }

        var (until, rx, ry, rz, maxDeviation) = _source.QuietSpan(_nextSampleMs);
        long beforeQuietEnd = (long)Math.Ceiling((until - _nextSampleMs) / PeriodMs);
        long upToTarget = (long)Math.Floor((untilUnixMs - _nextSampleMs) / PeriodMs) + 1;
        long skippable = Math.Min(beforeQuietEnd, upToTarget);
        if (skippable < 4 || !Unreachable(rx, ry, rz, maxDeviation + (6 * NoiseMg)))
        {
            return false;
        }

        _inactiveSamples = 0;
        _freeFallSamples = 0;
        _skippedSamples += skippable;
        _nextSampleMs += skippable * PeriodMs;
        return true;
    }

    // Produces the newest skipped samples (at most a FIFO-full), without event detection: they lie in a span
    // proven unable to trigger anything.
    private void MaterialiseSkipped()
    {
        if (_skippedSamples == 0)
        {
            return;
        }

        int count = (int)Math.Min(FifoDepth, _skippedSamples);
        _skippedSamples = 0;
        for (int i = count; i >= 1; i--)
        {
            Quantise(_nextSampleMs - (i * PeriodMs));
            StoreInFifo();
        }

        UpdateDataFlags(afterRead: false);
    }

    private bool Unreachable(double rx, double ry, double rz, double bound)
    {
        Span<double> rest = [rx, ry, rz];
        double activity = _registers[(int)Adxl343Register.ActivityThreshold] * MgPerThresholdLsb;
        double tap = _registers[(int)Adxl343Register.TapThreshold] * MgPerThresholdLsb;
        double freeFall = _registers[(int)Adxl343Register.FreeFallThreshold] * MgPerThresholdLsb;
        bool acActivity = (_registers[(int)Adxl343Register.ActivityInactivityControl] & 0x80) != 0;
        bool someAxisAboveFreeFall = false;
        for (int i = 0; i < 3; i++)
        {
            double reference = acActivity && _activityArmed ? _activityReference[i] : acActivity ? rest[i] : 0;
            if (Math.Abs(rest[i] - reference) + bound >= activity || Math.Abs(rest[i]) + bound >= tap || !double.IsNaN(_tapStartMs[i]))
            {
                return false;
            }

            someAxisAboveFreeFall |= Math.Abs(rest[i]) - bound > freeFall;
        }

        return someAxisAboveFreeFall;
    }

    private void Sample(double t)
    {
        SamplesEmulated++;
        double[] mg = Quantise(t);
        StoreInFifo();
        UpdateDataFlags(afterRead: false);
        DetectActivity(mg);
        DetectTap(t, mg);
        DetectFreeFall(mg);
        UpdatePins();
    }

    // One conversion: the world plus noise and offsets, clipped and quantised into the output registers; returns mg.
    private double[] Quantise(double t)
    {
        var (wx, wy, wz) = _source.AccelerationAt(t);
        // One buffer for every sample: a month of stormy weather is millions of samples.
        double[] mg = _mg;
        mg[0] = wx + (Gaussian() * NoiseMg) + ((sbyte)_registers[(int)Adxl343Register.OffsetX] * MgPerOffsetLsb);
        mg[1] = wy + (Gaussian() * NoiseMg) + ((sbyte)_registers[(int)Adxl343Register.OffsetY] * MgPerOffsetLsb);
        mg[2] = wz + (Gaussian() * NoiseMg) + ((sbyte)_registers[(int)Adxl343Register.OffsetZ] * MgPerOffsetLsb);

        // What the chip can represent: clip at the range, quantise at the resolution (datasheet Table 1).
        byte format = _registers[(int)Adxl343Register.DataFormat];
        int rangeG = 2 << (format & 0x03);
        bool fullResolution = (format & 0x08) != 0;
        double lsbPerG = fullResolution ? 256 : 512.0 / (2 * rangeG);
        for (int i = 0; i < 3; i++)
        {
            double clipped = Math.Clamp(mg[i], -rangeG * 1000.0, (rangeG * 1000.0) - 1);
            _latest[i] = (short)Math.Round(clipped / 1000.0 * lsbPerG);
            mg[i] = _latest[i] * 1000.0 / lsbPerG;
        }

        return mg;
    }

    private void StoreInFifo()
    {
        int mode = FifoMode;
        if (mode == 0)
        {
            return;
        }

        if (_fifoCount == FifoDepth)
        {
            if (mode == 1)
            {
                // FIFO mode stops when full; the sample is lost (datasheet Table 22).
                _registers[(int)Adxl343Register.InterruptSource] |= Adxl343Interrupts.Overrun;
                return;
            }

            _fifoHead = (_fifoHead + 1) % FifoDepth;
            _fifoCount--;
        }

        int tail = (_fifoHead + _fifoCount) % FifoDepth;
        for (int axis = 0; axis < 3; axis++)
        {
            _fifo[axis][tail] = _latest[axis];
        }

        _fifoCount++;
    }

    private void UpdateDataFlags(bool afterRead)
    {
        ref byte source = ref _registers[(int)Adxl343Register.InterruptSource];
        bool dataAvailable = FifoMode != 0 ? _fifoCount > 0 : !afterRead;
        source = (byte)(dataAvailable ? source | Adxl343Interrupts.DataReady : source & ~Adxl343Interrupts.DataReady);
        int watermark = _registers[(int)Adxl343Register.FifoControl] & 0x1F;
        bool aboveWatermark = FifoMode != 0 && _fifoCount >= watermark && watermark > 0;
        source = (byte)(aboveWatermark ? source | Adxl343Interrupts.Watermark : source & ~Adxl343Interrupts.Watermark);
    }

    private void DetectActivity(double[] mg)
    {
        byte control = _registers[(int)Adxl343Register.ActivityInactivityControl];
        double threshold = _registers[(int)Adxl343Register.ActivityThreshold] * MgPerThresholdLsb;
        bool ac = (control & 0x80) != 0;
        if (ac && !_activityArmed)
        {
            Array.Copy(mg, _activityReference, 3);
            _activityArmed = true;
            return;
        }

        byte status = 0;
        for (int axis = 0; axis < 3; axis++)
        {
            bool enabled = (control & (0x40 >> axis)) != 0;
            double value = ac ? mg[axis] - _activityReference[axis] : mg[axis];
            if (enabled && threshold > 0 && Math.Abs(value) > threshold)
            {
                status |= (byte)(0x40 >> axis); // ACT_X/Y/Z source bits
            }
        }

        if (status != 0)
        {
            Raise(Adxl343Interrupts.Activity);
            _registers[(int)Adxl343Register.ActivityTapStatus] = (byte)((_registers[(int)Adxl343Register.ActivityTapStatus] & 0x0F) | status);
        }

        // Inactivity: every enabled axis within the threshold for TIME_INACT seconds.
        double inactiveThreshold = _registers[(int)Adxl343Register.InactivityThreshold] * MgPerThresholdLsb;
        bool acInactive = (control & 0x08) != 0;
        bool still = true;
        for (int axis = 0; axis < 3; axis++)
        {
            bool enabled = (control & (0x04 >> axis)) != 0;
            double value = acInactive ? mg[axis] - _inactivityReference[axis] : mg[axis];
            if (enabled && Math.Abs(value) > inactiveThreshold)
            {
                still = false;
            }
        }

        if (!still)
        {
            Array.Copy(mg, _inactivityReference, 3);
            _inactiveSamples = 0;
        }
        else if (++_inactiveSamples * PeriodMs >= _registers[(int)Adxl343Register.InactivityTime] * 1000.0 && (control & 0x07) != 0)
        {
            Raise(Adxl343Interrupts.Inactivity);
        }
    }

    private void DetectTap(double t, double[] mg)
    {
        double threshold = _registers[(int)Adxl343Register.TapThreshold] * MgPerThresholdLsb;
        double maxDurationMs = _registers[(int)Adxl343Register.TapDuration] * 0.625;
        byte axes = _registers[(int)Adxl343Register.TapAxes];
        if (threshold <= 0 || maxDurationMs <= 0)
        {
            return;
        }

        for (int axis = 0; axis < 3; axis++)
        {
            if ((axes & (0x04 >> axis)) == 0)
            {
                continue;
            }

            bool above = Math.Abs(mg[axis]) > threshold;
            if (above && double.IsNaN(_tapStartMs[axis]))
            {
                _tapStartMs[axis] = t;
            }
            else if (!above && !double.IsNaN(_tapStartMs[axis]))
            {
                // A tap: above the threshold, then below it within DUR (datasheet Figure 25).
                if (t - _tapStartMs[axis] <= maxDurationMs)
                {
                    Raise(Adxl343Interrupts.SingleTap);
                    _registers[(int)Adxl343Register.ActivityTapStatus] = (byte)((_registers[(int)Adxl343Register.ActivityTapStatus] & 0xF0) | (0x04 >> axis));
                }

                _tapStartMs[axis] = double.NaN;
            }
        }
    }

    private void DetectFreeFall(double[] mg)
    {
        double threshold = _registers[(int)Adxl343Register.FreeFallThreshold] * MgPerThresholdLsb;
        double timeMs = _registers[(int)Adxl343Register.FreeFallTime] * 5.0;
        bool falling = threshold > 0 && Math.Abs(mg[0]) < threshold && Math.Abs(mg[1]) < threshold && Math.Abs(mg[2]) < threshold;
        if (!falling)
        {
            _freeFallSamples = 0;
            _freeFallReported = false;
            return;
        }

        _freeFallSamples++;
        if (!_freeFallReported && timeMs > 0 && _freeFallSamples * PeriodMs >= timeMs)
        {
            Raise(Adxl343Interrupts.FreeFall);
            _freeFallReported = true;
        }
    }

    private void Raise(int bit)
    {
        if ((InterruptEnable & bit) != 0)
        {
            _registers[(int)Adxl343Register.InterruptSource] |= (byte)bit;
        }
    }

    private void UpdatePins()
    {
        // A function drives INT1 unless its INT_MAP bit routes it to INT2; INT_INVERT makes the pins active low.
        int active = _registers[(int)Adxl343Register.InterruptSource] & InterruptEnable;
        int map = _registers[(int)Adxl343Register.InterruptMap];
        _int1.Drive((active & ~map) != 0);
        _int2?.Drive((active & map) != 0);
    }

    // Box–Muller gives two independent normals per draw; the second is kept for the next call.
    private double Gaussian()
    {
        if (!double.IsNaN(_spareGaussian))
        {
            double spare = _spareGaussian;
            _spareGaussian = double.NaN;
            return spare;
        }

        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - _noise.NextDouble()));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * _noise.NextDouble());
        _spareGaussian = radius * sin;
        return radius * cos;
    }
}
