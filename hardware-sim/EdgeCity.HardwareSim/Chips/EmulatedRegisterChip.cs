namespace EdgeCity.HardwareSim.Chips;

/// <summary>
/// An emulated chip with 8-bit registers behind a register pointer, the common I2C scheme: the first written
/// byte sets the pointer, further written bytes go to consecutive registers, reads go on from the pointer.
/// </summary>
public abstract class EmulatedRegisterChip : EmulatedI2cChip
{
    /// <summary>Creates the chip at <paramref name="address"/> on bus <paramref name="busId"/>.</summary>
    protected EmulatedRegisterChip(int busId, int address)
        : base(busId, address)
    {
    }

    /// <summary>The register the next read or write goes to.</summary>
    protected byte Pointer { get; set; }

    /// <inheritdoc />
    protected sealed override void OnWrite(ReadOnlySpan<byte> written)
    {
        Pointer = written[0];
        for (int i = 1; i < written.Length; i++)
        {
            WriteRegister(Pointer, written[i]);
            Pointer = NextPointer(Pointer);
        }
    }

    /// <inheritdoc />
    protected sealed override void OnRead(Span<byte> buffer)
    {
        OnReadStarting(Pointer);
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = ReadRegister(Pointer);
            Pointer = NextPointer(Pointer);
        }
    }

    /// <summary>
    /// Called once before a read burst starting at <paramref name="firstRegister"/>: where a chip latches its
    /// outputs for the whole burst (so the bytes of one sample are never mixed with the next).
    /// </summary>
    protected virtual void OnReadStarting(byte firstRegister)
    {
    }

    /// <summary>A write of <paramref name="value"/> to <paramref name="register"/>; read-only registers ignore it.</summary>
    protected abstract void WriteRegister(byte register, byte value);

    /// <summary>A read of <paramref name="register"/>, with whatever side effect the read has on the chip.</summary>
    protected abstract byte ReadRegister(byte register);

    /// <summary>The pointer after an access to <paramref name="pointer"/> (auto-increment by default).</summary>
    protected virtual byte NextPointer(byte pointer) => unchecked((byte)(pointer + 1));
}
