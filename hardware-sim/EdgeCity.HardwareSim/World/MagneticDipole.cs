namespace EdgeCity.HardwareSim.World;

/// <summary>
/// A vehicle's magnetic signature modelled as a point dipole: moment in A·m² and position relative to the
/// sensor in metres (x east, y north, z up; the sensor is at the origin, below the road surface).
/// </summary>
public sealed record MagneticDipole(double MomentX, double MomentY, double MomentZ, double OffsetX, double OffsetY, double HeightM)
{
    private const double Mu0Over4Pi = 1e-7;

    /// <summary>
    /// The dipole's flux density at the sensor in nT: B = μ0/4π · (3(m·r̂)r̂ − m) / r³, with r from the dipole
    /// to the sensor.
    /// </summary>
    public (double X, double Y, double Z) FieldAtOriginNanotesla()
    {
        double rx = -OffsetX, ry = -OffsetY, rz = -HeightM;
        double r = Math.Sqrt((rx * rx) + (ry * ry) + (rz * rz));
        double ux = rx / r, uy = ry / r, uz = rz / r;
        double mDotU = (MomentX * ux) + (MomentY * uy) + (MomentZ * uz);
        double scale = Mu0Over4Pi / (r * r * r) * 1e9;
        return (
            scale * ((3 * mDotU * ux) - MomentX),
            scale * ((3 * mDotU * uy) - MomentY),
            scale * ((3 * mDotU * uz) - MomentZ));
    }
}
