using EdgeCity.HardwareSim.Power;
using EdgeCity.HardwareSim.Street;

namespace EdgeCity.HardwareSim.Evaluation;

/// <summary>What the parking benchmark measured.</summary>
public sealed record ParkingBenchmarkResult(
    ParkingScore Overall,
    IReadOnlyList<ParkingScore> PerCondition,
    IReadOnlyList<(VehicleKind Kind, int Arrivals, double Accuracy)> ArrivalAccuracyByKind,
    BoardActivity DayAt20Sessions,
    double AverageMicroamps,
    double BatteryYears,
    long SensorFaults);
