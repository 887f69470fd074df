namespace EdgeCity.HardwareSim.World;

/// <summary>
/// Earth's field at Busan (IGRF 2025, approximate), in nT, in the simulator's world frame: x east, y north,
/// z up (so the downward component is negative). Every simulated bay starts from it.
/// </summary>
public static class BusanGeomagneticField
{
    /// <summary>East component, nT.</summary>
    public const double EastNanotesla = -4_400;

    /// <summary>North component, nT.</summary>
    public const double NorthNanotesla = 30_400;

    /// <summary>Up component, nT (the field points 36.6 µT downwards).</summary>
    public const double UpNanotesla = -36_600;
}
