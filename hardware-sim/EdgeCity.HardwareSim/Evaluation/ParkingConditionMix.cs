using EdgeCity.HardwareSim.Street;

namespace EdgeCity.HardwareSim.Evaluation;

/// <summary>The mix of street conditions the parking benchmark runs, each a row of bays.</summary>
public static class ParkingConditionMix
{
    /// <summary>Ordinary city lot (with each of the three magnetometers), busy lane, tram line, hot summer swing, winter, heavy vehicles, motorbikes, crooked parking, EVs.</summary>
    public static IReadOnlyList<StreetConditions> Default { get; } =
    [
        new() { Name = "city-mix" },
        new() { Name = "city-qmc5883l", Magnetometer = Boards.ParkingMagnetometerModel.Qmc5883l },
        new() { Name = "city-lis2mdl", Magnetometer = Boards.ParkingMagnetometerModel.Lis2mdl },
        new() { Name = "busy-lane", PassingVehiclesPerHour = 400, PassingDistanceM = 2.2 },
        new() { Name = "tram-line", TramsPerHour = 10, TramAmplitudeNanotesla = 2_500 },
        new() { Name = "summer-swing", DailyTemperatureSwingC = 30, MeanTemperatureC = 32, MeanParkedMinutes = 120 },
        new() { Name = "winter", DailyTemperatureSwingC = 14, MeanTemperatureC = -8 },
        new() { Name = "trucks-vans", OnlyKind = VehicleKind.Truck, MeanParkedMinutes = 45 },
        new() { Name = "motorbike-bays", OnlyKind = VehicleKind.Motorbike, DistanceSensors = true },
        new() { Name = "crooked-parking", MaxLateralOffsetM = 0.6, MaxAngleDegrees = 25 },
        new() { Name = "electric-cars", OnlyKind = VehicleKind.ElectricCar },
        new() { Name = "short-stays", MeanParkedMinutes = 6, MeanFreeMinutes = 4 },
    ];
}
