namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// The write-only 4-wire SPI link to a display controller: the data/command line selects whether bytes are
    /// a command (and its parameters) or display RAM data. An SPI display cannot be read back, so faults are
    /// found with <see cref="IPanelCurrentSensor"/>.
    /// </summary>
    public interface IDisplayBus
    {
        /// <summary>Sends <paramref name="command"/> then the first <paramref name="parameterCount"/> bytes of <paramref name="parameters"/> (D/C low for the command byte only).</summary>
        void WriteCommand(byte command, byte[] parameters, int parameterCount);

        /// <summary>Sends <paramref name="count"/> display RAM bytes from <paramref name="data"/> at <paramref name="offset"/> (D/C high).</summary>
        void WriteData(byte[] data, int offset, int count);
    }
}
