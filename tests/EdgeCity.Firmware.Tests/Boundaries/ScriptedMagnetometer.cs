using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Tests.Boundaries;

/// <summary>
/// A magnetometer whose field the test sets (the emulated chip is tested in HardwareSim.Tests). Like a real
/// chip its last bit flickers (±1 nT), so its output is never frozen unless <see cref="Frozen"/> says so.
/// </summary>
internal sealed class ScriptedMagnetometer : IMagnetometer
{
    private int _flicker;

    public bool Frozen { get; set; }

    public int X { get; set; } = 20_000;

    public int Y { get; set; } = -5_000;

    public int Z { get; set; } = -40_000;

    public bool Failing { get; set; }

    public bool TryReadField(out int xNanotesla, out int yNanotesla, out int zNanotesla)
    {
        _flicker = Frozen ? _flicker : _flicker ^ 1;
        xNanotesla = Failing ? 0 : X + _flicker;
        yNanotesla = Failing ? 0 : Y;
        zNanotesla = Failing ? 0 : Z;
        return !Failing;
    }
}
