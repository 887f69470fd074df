namespace EdgeCity.HardwareSim.Chips.Vl53l0x;

/// <summary>
/// A register-level ST VL53L0X time-of-flight ranging sensor (DS11555), enough of it for the real
/// <c>Iot.Device.Vl53L0X</c> driver to reset, initialise, calibrate and range. Modelled: the paged register space
/// (FFh selects the page), the reference registers and read-only model/revision ids, soft reset, the page-7 NVM
/// read strobe, single-shot and continuous ranging with the interrupt status and clear, the range result from the
/// world with the datasheet's ranging noise and maximum range (8190 mm when there is no target), and two faults
/// (bus NACK, stuck output). Not modelled: the ranging timing budget in time, the GPIO pin, address change,
/// signal/ambient rates, crosstalk, the fractional-millimetre mode.
/// </summary>
/// <remarks>
/// A ranging or reference calibration completes at once (the driver's 33 ms budget passes between its polls in
/// virtual time). In continuous mode a fresh range is ready whenever the interrupt status is polled after a clear.
/// </remarks>
public sealed class EmulatedVl53l0x : EmulatedRegisterChip
{
    /// <summary>The default 7-bit I2C address (DS11555 §3.1: 52h for writes).</summary>
    public const int I2cAddress = 0x29;

    /// <summary>The range the chip reports when no target returns enough signal, mm.</summary>
    public const int OutOfRangeMillimetres = 8190;

    private const byte NewSampleReady = 0x04;

    private readonly IDistanceSource _distance;
    private readonly Random _noise;
    private readonly Vl53l0xNvm _nvm;
    private readonly Dictionary<byte, byte[]> _pages = [];
    private byte _page;
    private bool _inReset;
    private bool _continuous;

    /// <summary>Creates the sensor at power-on, ranging to whatever <paramref name="distance"/> reports.</summary>
    /// <param name="distance">The world in front of the sensor's window.</param>
    /// <param name="seed">Seed of the ranging noise and the part's UID.</param>
    /// <param name="busId">I2C bus number on the simulated board.</param>
    public EmulatedVl53l0x(IDistanceSource distance, int seed, int busId = 1)
        : base(busId, I2cAddress)
    {
        _distance = distance;
        _noise = new Random(seed);
        _nvm = new Vl53l0xNvm(_noise);
        PowerOn();
    }

    /// <summary>
    /// Ranging noise, standard deviation as a percentage of the distance (DS11555 Table 12, ranging accuracy in
    /// the default and long-range profiles, indoor: 3–4 %; outdoors in daylight it is worse).
    /// </summary>
    public double RangingSigmaPercent { get; set; } = 4.0;

    /// <summary>Rangings completed since power-on (calibrations not counted).</summary>
    public long Rangings { get; private set; }

    /// <summary>
    /// Maximum range, mm: 2 m once the driver selects the long-range profile (final-range signal limit at or
    /// below 0.1 MCPS), 1.2 m in the default profile (DS11555 Table 11, white target indoors).
    /// </summary>
    public int MaxRangeMillimetres => SignalRateLimitQ9p7 <= 13 ? 2000 : 1200;

    /// <inheritdoc />
    protected override string ChipName => "VL53L0X";

    private int SignalRateLimitQ9p7 =>
        (Page(0)[(int)Vl53l0xRegister.FinalRangeMinCountRateLimitHigh] << 8) | Page(0)[(int)Vl53l0xRegister.FinalRangeMinCountRateLimitHigh + 1];

    /// <summary>Restores the power-on state: page 0, the reference register values of DS11555 §3.2.</summary>
    public void PowerOn()
    {
        _pages.Clear();
        _page = 0;
        _inReset = false;
        _continuous = false;
        Pointer = 0;
        byte[] page0 = Page(0);
        page0[(int)Vl53l0xRegister.ModelId] = 0xEE;
        page0[(int)Vl53l0xRegister.ModuleType] = 0xAA;
        page0[(int)Vl53l0xRegister.RevisionId] = 0x10;
        page0[(int)Vl53l0xRegister.PreRangeTimeoutLow] = 0x99; // reference register 51h reads 0099h
        page0[(int)Vl53l0xRegister.SoftReset] = 0x01;
        page0[(int)Vl53l0xRegister.I2cSlaveDeviceAddress] = I2cAddress;
        page0[(int)Vl53l0xRegister.SystemSequenceConfig] = 0xFF;
        page0[(int)Vl53l0xRegister.FinalRangeMinCountRateLimitHigh + 1] = 0x20; // 0.25 MCPS (Q9.7)
        page0[(int)Vl53l0xRegister.OscillatorCalibration] = 0x00;
        page0[(int)Vl53l0xRegister.OscillatorCalibration + 1] = 0x2E;
        Page(1)[(int)Vl53l0xRegister.StopVariable] = 0x3C;
    }

    /// <inheritdoc />
    protected override void WriteRegister(byte register, byte value)
    {
        if (register == (byte)Vl53l0xRegister.PageSelect)
        {
            _page = value;
            return;
        }

        if (_page == 0 && register == (byte)Vl53l0xRegister.SoftReset)
        {
            // Soft reset: 00h holds the chip in reset (the model id reads 0), 01h boots it to power-on values.
            if ((value & 0x01) == 0)
            {
                _inReset = true;
            }
            else if (_inReset)
            {
                PowerOn();
            }

            return;
        }

        if (_inReset)
        {
            return;
        }

        if (_page == 0)
        {
            WritePage0(register, value);
        }
        else if (_page == 7 && register == (byte)Vl53l0xRegister.NvmStrobe && value == 0)
        {
            // NVM read strobe: the word at the address in 94h lands in 90h–93h and 83h reads non-zero when done.
            uint word = _nvm.Word(Page(7)[(int)Vl53l0xRegister.NvmAddress]);
            byte[] page7 = Page(7);
            page7[0x90] = (byte)(word >> 24);
            page7[0x91] = (byte)(word >> 16);
            page7[0x92] = (byte)(word >> 8);
            page7[0x93] = (byte)word;
            page7[register] = 0x01;
        }
        else
        {
            Page(_page)[register] = value;
        }
    }

    /// <inheritdoc />
    protected override byte ReadRegister(byte register)
    {
        if (register == (byte)Vl53l0xRegister.PageSelect)
        {
            return _page;
        }

        if (_inReset)
        {
            return 0;
        }

        if (_page == 0 && register == (byte)Vl53l0xRegister.ResultInterruptStatus && _continuous && Page(0)[register] == 0)
        {
            Complete(ranging: true); // continuous: the next range is ready by the time the host polls
        }

        return Page(_page)[register];
    }

    private void WritePage0(byte register, byte value)
    {
        switch ((Vl53l0xRegister)register)
        {
            case Vl53l0xRegister.ModelId:
            case Vl53l0xRegister.ModuleType:
            case Vl53l0xRegister.RevisionId:
            case Vl53l0xRegister.ResultInterruptStatus:
            case >= Vl53l0xRegister.ResultRangeStatus and <= Vl53l0xRegister.ResultRangeMillimetresLow:
                return; // identification and results are read-only
            case Vl53l0xRegister.SystemInterruptClear:
                if ((value & 0x01) != 0)
                {
                    Page(0)[(int)Vl53l0xRegister.ResultInterruptStatus] = 0;
                }

                return;
            case Vl53l0xRegister.SysRangeStart:
                Start(value);
                return;
            default:
                Page(0)[register] = value;
                return;
        }
    }

    /// <summary>
    /// SYSRANGE_START: bit 0 starts a single ranging (or stops continuous ranging), 02h back-to-back and 04h timed
    /// continuous ranging; with the final-range step disabled in SYSTEM_SEQUENCE_CONFIG the start is a reference
    /// (VHV or phase) calibration, which raises the interrupt but leaves the result registers alone.
    /// </summary>
    private void Start(byte value)
    {
        Page(0)[(int)Vl53l0xRegister.SysRangeStart] = (byte)(value & ~0x01); // the start bit clears when done
        bool ranging = (Page(0)[(int)Vl53l0xRegister.SystemSequenceConfig] & 0x80) != 0;
        if ((value & 0x06) != 0)
        {
            _continuous = true;
            Complete(ranging);
        }
        else if ((value & 0x01) != 0)
        {
            if (_continuous)
            {
                _continuous = false;
                return;
            }

            Complete(ranging);
        }
    }

    private void Complete(bool ranging)
    {
        if (ranging && !OutputStuck)
        {
            Range();
        }

        Page(0)[(int)Vl53l0xRegister.ResultInterruptStatus] = NewSampleReady;
    }

    private void Range()
    {
        Rangings++;
        double? target = _distance.DistanceMillimetres();
        int millimetres;
        byte deviceStatus;
        if (target is null || target > MaxRangeMillimetres)
        {
            millimetres = OutOfRangeMillimetres;
            deviceStatus = 4; // no target: too little return signal
        }
        else
        {
            double noisy = target.Value * (1.0 + (_noise.NextGaussian() * RangingSigmaPercent / 100.0));
            millimetres = (int)Math.Clamp(Math.Round(noisy), 0, OutOfRangeMillimetres - 1);
            deviceStatus = 11; // range complete, valid
        }

        byte[] page0 = Page(0);
        page0[(int)Vl53l0xRegister.ResultRangeStatus] = (byte)(deviceStatus << 3);
        page0[(int)Vl53l0xRegister.ResultRangeMillimetresHigh] = (byte)(millimetres >> 8);
        page0[(int)Vl53l0xRegister.ResultRangeMillimetresLow] = (byte)millimetres;
    }

    private byte[] Page(byte page)
    {
        if (!_pages.TryGetValue(page, out byte[]? registers))
        {
            registers = new byte[256];
            _pages[page] = registers;
        }

        return registers;
    }
}
