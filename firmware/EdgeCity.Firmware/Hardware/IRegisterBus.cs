namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// A chip's register space at a fixed I2C address, for the drivers the firmware writes itself because no
    /// platform driver offers what it needs (interrupt engines, chips .NET IoT lacks: the LIS2MDL, the shelter's
    /// accelerometer). Implementations: the host adapter over <c>System.Device.I2c.I2cDevice</c> (an emulated chip
    /// in the simulator), the nanoFramework I2C device on a board. Calls never throw: a NACK or bus error
    /// returns false, and the data read are then undefined and must not be used.
    /// </summary>
    /// <remarks>
    /// Two spellings of the same two operations exist because two drivers were written against this interface at
    /// once (parking: <see cref="TryWrite"/>/<see cref="TryRead"/>; shelter: <see cref="TryWriteRegister"/>/
    /// <see cref="TryReadRegisters"/>). Implementations make each pair identical.
    /// </remarks>
    public interface IRegisterBus
    {
        /// <summary>Writes <paramref name="value"/> to <paramref name="register"/> (0x00–0xFF) in one transfer.</summary>
        bool TryWrite(byte register, byte value);

        /// <summary>
        /// Reads <paramref name="count"/> consecutive registers from <paramref name="firstRegister"/> into
        /// <paramref name="buffer"/>[0..count) in one write-then-read transfer (the chip auto-increments).
        /// Allocates nothing.
        /// </summary>
        /// <param name="firstRegister">Address of the first register, 0x00–0xFF.</param>
        /// <param name="buffer">Destination, at least <paramref name="count"/> bytes long.</param>
        /// <param name="count">Registers to read, 1 to the buffer length.</param>
        bool TryRead(byte firstRegister, byte[] buffer, int count);

        /// <summary>Same as <see cref="TryWrite"/>.</summary>
        bool TryWriteRegister(byte register, byte value);

        /// <summary>
        /// Same as <see cref="TryRead"/>, into <paramref name="buffer"/> at <paramref name="offset"/>
        /// (one bus transaction; the chip auto-increments).
        /// </summary>
        bool TryReadRegisters(byte firstRegister, byte[] buffer, int offset, int count);
    }
}
