namespace EdgeCity.HardwareSim.Chips.Lis2mdl;

/// <summary>
/// The LIS2MDL threshold interrupt generator (DS12144 §8.10–8.12, AN5069 §7): after each measurement every
/// enabled axis is compared with ±INT_THS; crossings set the P_TH_S/N_TH_S flags of INT_SOURCE_REG and the INT
/// bit, pulsed for one measurement (IEL = 0) or latched until INT_SOURCE_REG is read (IEL = 1).
/// </summary>
internal sealed class Lis2mdlInterruptEngine
{
    // INT_CTRL_REG (63h)
    private const byte XEnable = 0x80, YEnable = 0x40, ZEnable = 0x20, ActiveHigh = 0x04, Latched = 0x02, Enable = 0x01;

    // INT_SOURCE_REG (64h)
    private const byte PositiveX = 0x80, PositiveY = 0x40, PositiveZ = 0x20;
    private const byte NegativeX = 0x10, NegativeY = 0x08, NegativeZ = 0x04, RangeOverflow = 0x02, IntBit = 0x01;

    private byte _flags;
    private bool _active;
    private bool _rangeOverflow;

    /// <summary>INT_CTRL_REG; power-on value E0h (all axes enabled, interrupt off).</summary>
    public byte Control { get; set; } = 0xE0;

    /// <summary>INT_THS as written (16 bits, 1.5 mG/LSB; compared as an unsigned magnitude).</summary>
    public int ThresholdLsb { get; set; }

    private bool Enabled => (Control & Enable) != 0;

    private bool IsLatched => (Control & Latched) != 0;

    /// <summary>The INT bit / pin level: the event in the polarity IEA selects (IEA = 0: 0 signals an interrupt).</summary>
    public bool IntLevel => Enabled && ((Control & ActiveHigh) != 0 ? _active : !_active);

    /// <summary>Restores the power-on state.</summary>
    public void Reset()
    {
        Control = 0xE0;
        ThresholdLsb = 0;
        _flags = 0;
        _active = false;
        _rangeOverflow = false;
    }

    /// <summary>Evaluates one measurement (counts, before or after hard-iron correction as INT_on_DataOFF selects).</summary>
    public void Evaluate(int x, int y, int z, bool rangeOverflow)
    {
        _rangeOverflow = rangeOverflow;
        if (!Enabled)
        {
            return;
        }

        int threshold = ThresholdLsb & 0xFFFF;
        byte flags = 0;
        flags |= Compare(x, threshold, XEnable, PositiveX, NegativeX);
        flags |= Compare(y, threshold, YEnable, PositiveY, NegativeY);
        flags |= Compare(z, threshold, ZEnable, PositiveZ, NegativeZ);

        if (IsLatched)
        {
            // Latched: flags accumulate and INT stays asserted until INT_SOURCE_REG is read.
            _flags |= flags;
            _active |= flags != 0;
        }
        else
        {
            // Pulsed: INT follows each measurement, so it lasts one output period.
            _flags = flags;
            _active = flags != 0;
        }
    }

    /// <summary>A read of INT_SOURCE_REG: returns the flags, and releases a latched interrupt.</summary>
    public byte ReadSource()
    {
        byte value = (byte)(_flags | (_rangeOverflow ? RangeOverflow : 0) | (IntLevel ? IntBit : 0));
        if (IsLatched)
        {
            _flags = 0;
            _active = false;
        }

        return value;
    }

    private byte Compare(int value, int threshold, byte axisEnable, byte positive, byte negative)
    {
        if ((Control & axisEnable) == 0)
        {
            return 0;
        }

        return value > threshold ? positive : value < -threshold ? negative : (byte)0;
    }
}
