using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Tests.Boundaries;

/// <summary>A magnetometer whose field the test sets (the emulated chip is tested in HardwareSim.Tests).</summary>
internal sealed class ScriptedMagnetometer : IMagnetometer
{
    public int X { get; set; } = 20_000;

    public int Y { get; set; } = -5_000;

    public int Z { get; set; } = -40_000;

    public bool Failing { get; set; }

    public bool TryReadField(out int xNanotesla, out int yNanotesla, out int zNanotesla)
    {
        xNanotesla = Failing ? 0 : X;
        yNanotesla = Failing ? 0 : Y;
        zNanotesla = Failing ? 0 : Z;
        return !Failing;
    }
}
