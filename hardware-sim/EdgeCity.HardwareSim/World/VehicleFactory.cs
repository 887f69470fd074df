namespace EdgeCity.HardwareSim.World;

/// <summary>
/// Draws parked vehicles: a steel mass whose effective dipole moment (5–15 A·m², which puts 10–150 µT at an
/// in-ground sensor, as measured under real cars) sits 0.3–0.5 m above the sensor, parked a little off-centre. A first model;
/// the detection-quality work refines it (several dipoles, motorbikes to trucks).
/// </summary>
public sealed class VehicleFactory(Random random)
{
    /// <summary>Returns a new parked vehicle.</summary>
    public MagneticDipole NextParkedVehicle()
    {
        double moment = 5 + (random.NextDouble() * 10);
        double inclination = (random.NextDouble() - 0.5) * Math.PI;
        double azimuth = random.NextDouble() * 2 * Math.PI;
        return new MagneticDipole(
            moment * Math.Cos(inclination) * Math.Cos(azimuth),
            moment * Math.Cos(inclination) * Math.Sin(azimuth),
            moment * Math.Sin(inclination),
            OffsetX: (random.NextDouble() - 0.5) * 0.6,
            OffsetY: (random.NextDouble() - 0.5) * 1.0,
            HeightM: 0.3 + (random.NextDouble() * 0.2));
    }
}
