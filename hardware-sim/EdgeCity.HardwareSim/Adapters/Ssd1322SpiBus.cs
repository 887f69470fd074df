using EdgeCity.Firmware.Hardware;
using EdgeCity.HardwareSim.Chips.Ssd1322;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>
/// The simulated board's SPI bus and D/C line to the emulated SSD1322: the firmware's <see cref="IDisplayBus"/>
/// lowers D/C for a command byte, raises it for RAM data. Also counts the bytes clocked out, from which the bench
/// estimates SPI time.
/// </summary>
public sealed class Ssd1322SpiBus(EmulatedSsd1322 controller) : IDisplayBus
{
    /// <summary>Bytes sent since start.</summary>
    public long BytesSent { get; private set; }

    /// <inheritdoc />
    public void WriteCommand(byte command, byte[] parameters, int parameterCount)
    {
        controller.DataCommandHigh = false;
        controller.Receive([command]);
        if (parameterCount > 0)
        {
            controller.DataCommandHigh = true;
            controller.Receive(parameters.AsSpan(0, parameterCount));
        }

        BytesSent += 1 + parameterCount;
    }

    /// <inheritdoc />
    public void WriteData(byte[] data, int offset, int count)
    {
        controller.DataCommandHigh = true;
        controller.Receive(data.AsSpan(offset, count));
        BytesSent += count;
    }
}
