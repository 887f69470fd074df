using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Fleet;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Demo;

/// <summary>Turns boards.json's bays into simulated boards wired the same way (magnetometer model, VL53L0X).</summary>
public static class FleetFromInventory
{
    /// <summary>One spec per bay, in file order.</summary>
    public static IReadOnlyList<SimulatedBaySpec> Specs(BoardInventory inventory) =>
        inventory.Bays.Select(bay => new SimulatedBaySpec(
            bay.Id,
            bay.Sensors.FirstOrDefault(s => s.Kind == SensorKind.Magnetometer)?.Model switch
            {
                "QMC5883L" => ParkingMagnetometerModel.Qmc5883l,
                "LIS2MDL" => ParkingMagnetometerModel.Lis2mdl,
                _ => ParkingMagnetometerModel.Hmc5883l,
            },
            bay.Sensors.Any(s => s.Kind == SensorKind.Distance))).ToList();
}
