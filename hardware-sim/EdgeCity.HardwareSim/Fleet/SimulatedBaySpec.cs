using EdgeCity.HardwareSim.Boards;

namespace EdgeCity.HardwareSim.Fleet;

/// <summary>One bay sensor board of a fleet as boards.json wires it: its id, magnetometer and optional VL53L0X.</summary>
public sealed record SimulatedBaySpec(string BoardId, ParkingMagnetometerModel Magnetometer = ParkingMagnetometerModel.Hmc5883l, bool DistanceSensor = false);
