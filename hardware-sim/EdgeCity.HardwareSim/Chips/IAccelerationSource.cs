namespace EdgeCity.HardwareSim.Chips;

/// <summary>What an emulated accelerometer measures: the proper acceleration at its die, chip axes, in mg (at rest: 1 g up).</summary>
public interface IAccelerationSource
{
    /// <summary>The acceleration at <paramref name="unixMs"/> (virtual time, may be fractional), mg per axis.</summary>
    (double X, double Y, double Z) AccelerationAt(double unixMs);

    /// <summary>
    /// A bound on what comes from <paramref name="fromUnixMs"/> on: until <c>Until</c> the acceleration stays within
    /// <c>MaxDeviationMg</c> (per axis) of the resting vector (<c>RestX</c>, <c>RestY</c>, <c>RestZ</c>). An emulated
    /// chip whose thresholds that bound cannot reach may skip the span instead of emulating it sample by sample.
    /// </summary>
    (double Until, double RestX, double RestY, double RestZ, double MaxDeviationMg) QuietSpan(double fromUnixMs);
}
