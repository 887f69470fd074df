using EdgeCity.Firmware.Hardware;
using EdgeCity.HardwareSim.Chips.Ssd1322;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>
/// The board's panel-current sense: a shunt on the OLED supply read by an ESP32 ADC input. Adds ±1 % gain error
/// and 200 µA of noise (12-bit ADC over a 0–300 mA range: one step is ~73 µA).
/// </summary>
public sealed class PanelCurrentAdc(EmulatedSsd1322 panel, int seed) : IPanelCurrentSensor
{
    private readonly Random _noise = new(seed);
    private readonly double _gain = 1 + ((new Random(seed ^ 0x6A1) .NextDouble() - 0.5) * 0.02);

    /// <summary>Fault: the ADC reads nothing.</summary>
    public bool Failing { get; set; }

    /// <inheritdoc />
    public bool TryReadMicroamps(out int microamps)
    {
        microamps = 0;
        if (Failing)
        {
            return false;
        }

        double value = (panel.PanelCurrentMicroamps() * _gain) + ((_noise.NextDouble() - 0.5) * 400);
        microamps = (int)Math.Max(0, value);
        return true;
    }
}
