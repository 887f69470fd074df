using System.Device.I2c;

namespace EdgeCity.HardwareSim.Chips;

/// <summary>
/// The bus side shared by the emulated chips: every entry point of <see cref="I2cDevice"/> is routed to one
/// transfer (written bytes, then read bytes) without allocating, so the chip's pointer semantics hold whichever
/// call a driver makes, and a chip that does not acknowledge fails every transfer as on a real bus.
/// </summary>
public abstract class EmulatedI2cChip : I2cSimulatedDeviceBase
{
    /// <summary>Creates the chip at <paramref name="address"/> on bus <paramref name="busId"/>.</summary>
    protected EmulatedI2cChip(int busId, int address)
        : base(new I2cConnectionSettings(busId, address))
    {
    }

    /// <summary>Fault: the chip does not acknowledge its address; every transfer throws <see cref="IOException"/>.</summary>
    public bool NotAcknowledging { get; set; }

    /// <summary>Fault: the output registers stop updating (a latched-up chip); configuration still works.</summary>
    public bool OutputStuck { get; set; }

    /// <summary>The chip's 7-bit I2C address.</summary>
    public int Address => ConnectionSettings.DeviceAddress;

    /// <summary>The part number, for bus error messages.</summary>
    protected abstract string ChipName { get; }

    /// <inheritdoc />
    public sealed override void WriteRead(byte[] inputBuffer, byte[] outputBuffer) => Transfer(inputBuffer, outputBuffer);

    /// <inheritdoc />
    public sealed override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) => Transfer(writeBuffer, readBuffer);

    /// <inheritdoc />
    public sealed override void Write(ReadOnlySpan<byte> buffer) => Transfer(buffer, []);

    /// <inheritdoc />
    public sealed override void WriteByte(byte value) => Transfer([value], []);

    /// <inheritdoc />
    public sealed override void Read(Span<byte> buffer) => Transfer([], buffer);

    /// <inheritdoc />
    public sealed override byte ReadByte()
    {
        Span<byte> data = stackalloc byte[1];
        Transfer([], data);
        return data[0];
    }

    /// <summary>The master wrote <paramref name="written"/> (at least one byte) in one transfer.</summary>
    protected abstract void OnWrite(ReadOnlySpan<byte> written);

    /// <summary>The master reads <paramref name="buffer"/>.Length bytes in one transfer.</summary>
    protected abstract void OnRead(Span<byte> buffer);

    private void Transfer(ReadOnlySpan<byte> write, Span<byte> read)
    {
        if (NotAcknowledging)
        {
            throw new IOException($"I2C NACK from emulated {ChipName} at address 0x{Address:X2}");
        }

        if (write.Length > 0)
        {
            OnWrite(write);
        }

        if (read.Length > 0)
        {
            OnRead(read);
        }
    }
}
