using EdgeCity.HardwareSim.World;

namespace EdgeCity.HardwareSim.Street;

/// <summary>
/// A vehicle's magnetism as a few dipoles fixed in the vehicle's frame (x along its length, forward; y left;
/// z up), e.g. engine block, chassis and axles, battery pack. Moments in A·m², positions in metres.
/// </summary>
public sealed record VehicleSignature(VehicleKind Kind, IReadOnlyList<MagneticDipole> Dipoles, double LengthM, double UnderbodyHeightM);
