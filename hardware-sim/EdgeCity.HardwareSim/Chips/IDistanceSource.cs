namespace EdgeCity.HardwareSim.Chips;

/// <summary>
/// What an emulated ranging sensor sees: the distance along its optical axis to the nearest target (the
/// underbody of a parked vehicle), in millimetres. The simulated world implements it.
/// </summary>
public interface IDistanceSource
{
    /// <summary>
    /// The distance now (virtual time), mm, from the sensor's window to the target; null when there is no
    /// target in front of the sensor (the chip then reports its out-of-range value).
    /// </summary>
    double? DistanceMillimetres();
}
