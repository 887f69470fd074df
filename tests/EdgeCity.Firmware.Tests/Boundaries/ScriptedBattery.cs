using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Tests.Boundaries;

/// <summary>A battery gauge whose voltage the test sets.</summary>
internal sealed class ScriptedBattery : IBatteryGauge
{
    public int Millivolts { get; set; } = 3_600;

    public bool TryReadBattery(out int millivolts)
    {
        millivolts = Millivolts;
        return true;
    }
}
