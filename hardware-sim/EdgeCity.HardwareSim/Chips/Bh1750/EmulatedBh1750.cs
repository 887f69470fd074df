
namespace EdgeCity.HardwareSim.Chips.Bh1750;

/// <summary>
/// A ROHM BH1750FVI ambient light sensor (datasheet 2011.11 rev. D) at instruction level, for the real
/// <c>Iot.Device.Bh1750fvi</c> driver: the chip has no registers, only one-byte opcodes (power down/on, reset,
/// continuous and one-time H/H2/L resolution, measurement time MTreg) and a two-byte big-endian result.
/// Count = lux × 1.2 × (MTreg / 69), ×2 in H-resolution mode 2, saturating at 65,535 (datasheet p.11).
/// </summary>
public sealed class EmulatedBh1750 : EmulatedI2cChip
{
    /// <summary>I2C address with ADDR low (boards.json uses 0x23).</summary>
    public const int DefaultAddress = 0x23;

    private const int DefaultMtreg = 69;

    private readonly IIlluminanceSource _light;
    private bool _poweredOn;
    private byte _mode;
    private int _mtreg = DefaultMtreg;
    private ushort _result;

    /// <summary>Creates the chip (powered down, as after power-up per the datasheet).</summary>
    public EmulatedBh1750(IIlluminanceSource light, int address = DefaultAddress)
        : base(1, address) => _light = light;

    /// <summary>Measurements taken.</summary>
    public long Measurements { get; private set; }

    /// <inheritdoc />
    protected override string ChipName => "BH1750";

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> written)
    {
        foreach (byte opcode in written)
        {
            Execute(opcode);
        }
    }

    /// <inheritdoc />
    protected override void OnRead(Span<byte> buffer)
    {
        // Continuous modes measure all the time: the result read is a fresh one.
        if (_poweredOn && _mode is >= 0x10 and <= 0x13)
        {
            Measure();
        }

        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i switch { 0 => (byte)(_result >> 8), 1 => (byte)_result, _ => 0xFF };
        }
    }

    private void Execute(byte opcode)
    {
        switch (opcode)
        {
            case 0x00:
                _poweredOn = false;
                break;
            case 0x01:
                _poweredOn = true;
                break;
            case 0x07:
                // Reset clears the data register; not accepted in power-down (datasheet "Instruction Set").
                if (_poweredOn)
                {
                    _result = 0;
                }

                break;
            case 0x10 or 0x11 or 0x13:
                _mode = opcode;
                break;
            case 0x20 or 0x21 or 0x23:
                if (_poweredOn)
                {
                    _mode = opcode;
                    Measure();
                    _poweredOn = false; // one-time modes power down after the measurement
                }

                break;
            case >= 0x40 and <= 0x47:
                _mtreg = (_mtreg & 0x1F) | ((opcode & 0x07) << 5);
                break;
            case >= 0x60 and <= 0x7F:
                _mtreg = (_mtreg & 0xE0) | (opcode & 0x1F);
                break;
        }
    }

    private void Measure()
    {
        Measurements++;
        double counts = _light.IlluminanceLux() * 1.2 * (_mtreg / (double)DefaultMtreg);
        if (_mode is 0x11 or 0x21)
        {
            counts *= 2;
        }
        else if (_mode is 0x13 or 0x23)
        {
            // L-resolution: 4 lx steps.
            counts = Math.Floor(counts / 4) * 4;
        }

        _result = (ushort)Math.Clamp(Math.Round(counts), 0, 65535);
    }
}
