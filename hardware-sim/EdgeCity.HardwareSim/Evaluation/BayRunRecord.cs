using EdgeCity.HardwareSim.Power;
using EdgeCity.HardwareSim.Street;

namespace EdgeCity.HardwareSim.Evaluation;

/// <summary>What one simulated bay did: its truth, what its board reported, and its activity split into calm time and sessions.</summary>
public sealed record BayRunRecord(
    string Condition,
    IReadOnlyList<ParkingSession> Sessions,
    IReadOnlyList<(long AtMs, string State)> Reports,
    double Days,
    BoardActivity CalmActivity,
    BoardActivity SessionActivity,
    long SensorFaults);
