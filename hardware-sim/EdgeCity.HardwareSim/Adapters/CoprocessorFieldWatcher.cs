using EdgeCity.Firmware.Hardware;

namespace EdgeCity.HardwareSim.Adapters;

/// <summary>
/// The wake source of boards whose magnetometer has no threshold interrupt (HMC5883L, QMC5883L): on a device
/// the ESP32's ULP coprocessor reads the chip every <see cref="SamplePeriodMs"/> while the main processor
/// sleeps, and wakes it when an axis leaves the armed band. Here it reads through the same driver adapter;
/// the simulator calls <see cref="Poll"/> as virtual time passes. Counts its samples for the power model.
/// </summary>
public sealed class CoprocessorFieldWatcher(IMagnetometer magnetometer, int samplePeriodMs = 1000) : IMagnetometerWake
{
    private int _refX, _refY, _refZ, _threshold;
    private bool _armed;
    private long _nextSampleMs;

    /// <summary>Milliseconds between coprocessor samples.</summary>
    public int SamplePeriodMs => samplePeriodMs;

    /// <summary>Samples taken by the coprocessor.</summary>
    public long Samples { get; private set; }

    /// <inheritdoc />
    public bool WakePending { get; private set; }

    /// <inheritdoc />
    public bool ArmWake(int baselineXNanotesla, int baselineYNanotesla, int baselineZNanotesla, int thresholdNanotesla)
    {
        (_refX, _refY, _refZ, _threshold) = (baselineXNanotesla, baselineYNanotesla, baselineZNanotesla, thresholdNanotesla);
        _armed = thresholdNanotesla > 0;
        WakePending = false;
        return _armed;
    }

    /// <inheritdoc />
    public void ClearWake() => WakePending = false;

    /// <summary>Takes the coprocessor's sample if one is due at <paramref name="nowMs"/>; returns <see cref="WakePending"/>.</summary>
    public bool Poll(long nowMs)
    {
        if (!_armed || WakePending || nowMs < _nextSampleMs)
        {
            return WakePending;
        }

        _nextSampleMs = nowMs + samplePeriodMs;
        Samples++;

        // A failed read also wakes the processor: it must see and report the fault.
        if (!magnetometer.TryReadField(out int x, out int y, out int z)
            || Math.Abs(x - _refX) > _threshold || Math.Abs(y - _refY) > _threshold || Math.Abs(z - _refZ) > _threshold)
        {
            WakePending = true;
            _armed = false;
        }

        return WakePending;
    }
}
