using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Tests.Boundaries;

/// <summary>A threshold interrupt over the scripted magnetometer: pending when an axis leaves the armed band.</summary>
internal sealed class ScriptedWake(ScriptedMagnetometer magnetometer) : IMagnetometerWake
{
    private int _x, _y, _z, _threshold;

    public bool Armed { get; private set; }

    public int Arms { get; private set; }

    public bool WakePending =>
        Armed && (Math.Abs(magnetometer.X - _x) > _threshold || Math.Abs(magnetometer.Y - _y) > _threshold || Math.Abs(magnetometer.Z - _z) > _threshold);

    public bool ArmWake(int baselineXNanotesla, int baselineYNanotesla, int baselineZNanotesla, int thresholdNanotesla)
    {
        (_x, _y, _z, _threshold) = (baselineXNanotesla, baselineYNanotesla, baselineZNanotesla, thresholdNanotesla);
        Armed = true;
        Arms++;
        return true;
    }

    public void ClearWake() => Armed = false;
}
