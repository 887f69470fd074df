using EdgeCity.HardwareSim.World;

namespace EdgeCity.HardwareSim.Street;

/// <summary>
/// Draws vehicles with seeded variety: kind (by a city car-park mix), steel mass, dipole directions (each
/// vehicle is magnetised differently by its history), sizes and heights. Calibrated so a car under which the
/// sensor sits shifts its field by a median 10–15 µT (a few % of cars, where the dipoles' fields cancel at the
/// sensor, below 4 µT) and a motorbike by 2–8 µT, in line with published in-ground measurements.
/// </summary>
public sealed class VehicleCatalog(Random random)
{
    /// <summary>Relative frequency of each kind in a public car park (cars dominate; a few motorbikes and trucks).</summary>
    private static readonly (VehicleKind Kind, double Weight)[] Mix =
    [
        (VehicleKind.Motorbike, 0.02), (VehicleKind.SmallCar, 0.24), (VehicleKind.Sedan, 0.30), (VehicleKind.Suv, 0.18),
        (VehicleKind.Van, 0.08), (VehicleKind.Truck, 0.04), (VehicleKind.ElectricCar, 0.14),
    ];

    /// <summary>A vehicle drawn from the city mix.</summary>
    public VehicleSignature Next() => Next(DrawKind());

    /// <summary>A vehicle of the given kind.</summary>
    public VehicleSignature Next(VehicleKind kind) => kind switch
    {
        VehicleKind.Motorbike => Build(kind, length: 2.0, underbody: 0.30, [(0.3, 0.40, 3, 6), (-0.5, 0.45, 1, 3)]),
        VehicleKind.SmallCar => Build(kind, 3.7, 0.15, [(1.2, 0.35, 6, 14), (0.0, 0.25, 5, 12), (-1.2, 0.30, 3, 8)]),
        VehicleKind.Sedan => Build(kind, 4.7, 0.15, [(1.5, 0.35, 8, 18), (0.0, 0.25, 6, 14), (-1.5, 0.30, 4, 9)]),
        VehicleKind.Suv => Build(kind, 4.7, 0.22, [(1.5, 0.45, 10, 22), (0.0, 0.32, 8, 18), (-1.5, 0.40, 5, 12)]),
        VehicleKind.Van => Build(kind, 5.2, 0.20, [(1.8, 0.45, 10, 22), (0.0, 0.30, 8, 18), (-1.8, 0.40, 6, 12)]),
        VehicleKind.Truck => Build(kind, 6.5, 0.35, [(2.3, 0.65, 20, 45), (0.0, 0.50, 15, 35), (-2.3, 0.60, 10, 25)]),
        VehicleKind.ElectricCar => Build(kind, 4.7, 0.14, [(1.5, 0.35, 2, 5), (0.0, 0.20, 5, 12), (-1.5, 0.30, 2, 6)]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private VehicleKind DrawKind()
    {
        double r = random.NextDouble() * Mix.Sum(m => m.Weight);
        foreach (var (kind, weight) in Mix)
        {
            if ((r -= weight) < 0)
            {
                return kind;
            }
        }

        return VehicleKind.Sedan;
    }

    // Each part: (x along the vehicle, height above the road, moment range A·m²).
    private VehicleSignature Build(VehicleKind kind, double length, double underbody, (double X, double Height, double MinMoment, double MaxMoment)[] parts)
    {
        var dipoles = parts.Select(p =>
        {
            double moment = p.MinMoment + (random.NextDouble() * (p.MaxMoment - p.MinMoment));
            double inclination = (random.NextDouble() - 0.3) * Math.PI / 2;
            double azimuth = random.NextDouble() * 2 * Math.PI;
            return new MagneticDipole(
                moment * Math.Cos(inclination) * Math.Cos(azimuth),
                moment * Math.Cos(inclination) * Math.Sin(azimuth),
                moment * Math.Sin(inclination),
                p.X, (random.NextDouble() - 0.5) * 0.2, p.Height);
        }).ToList();
        return new VehicleSignature(kind, dipoles, length, underbody);
    }
}
