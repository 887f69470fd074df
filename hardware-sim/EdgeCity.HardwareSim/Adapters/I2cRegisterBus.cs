using System.Device.I2c;
using EdgeCity.Firmware.Hardware;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>
/// The host adapter from the firmware's <see cref="IRegisterBus"/> to an <see cref="I2cDevice"/> (an emulated chip in
/// the simulator, a Linux I2C bus on a Raspberry Pi): a register write is one two-byte write, a register read one
/// write-then-read transaction. A NACK (<see cref="IOException"/>) is counted and returned as false, as the firmware
/// expects. Allocates nothing per transfer (the firmware's sampling loop is checked for zero allocation).
/// Shared by the parking and shelter boards; implements both spellings of <see cref="IRegisterBus"/>.
/// </summary>
public sealed class I2cRegisterBus(I2cDevice device) : IRegisterBus
{
    private readonly byte[] _write2 = new byte[2];
    private readonly byte[] _write1 = new byte[1];

    /// <summary>Failed transfers (NACK) since start.</summary>
    public long BusErrors { get; private set; }

    /// <summary>Transactions since start.</summary>
    public long Transactions { get; private set; }

    /// <inheritdoc />
    public bool TryWrite(byte register, byte value)
    {
        Transactions++;
        _write2[0] = register;
        _write2[1] = value;
        try
        {
            device.Write(_write2);
            return true;
        }
        catch (IOException)
        {
            BusErrors++;
            return false;
        }
    }

    /// <inheritdoc />
    public bool TryRead(byte firstRegister, byte[] buffer, int count) => TryReadRegisters(firstRegister, buffer, 0, count);

    /// <inheritdoc />
    public bool TryWriteRegister(byte register, byte value) => TryWrite(register, value);

    /// <inheritdoc />
    public bool TryReadRegisters(byte firstRegister, byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Transactions++;
        _write1[0] = firstRegister;
        try
        {
            device.WriteRead(_write1, buffer.AsSpan(offset, count));
            return true;
        }
        catch (IOException)
        {
            BusErrors++;
            return false;
        }
    }
}
