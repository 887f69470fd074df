using EdgeCity.HardwareSim.Evaluation;
using Xunit.Abstractions;

namespace EdgeCity.HardwareSim.Tests;

/// <summary>A reduced `./edgecity bench parking`: the same streets and scoring, fewer sessions.</summary>
public class ParkingBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void A_reduced_benchmark_over_the_car_conditions_meets_the_accuracy_latency_and_battery_targets()
    {
        const int seed = 11;
        var cars = ParkingConditionMix.Default.Where(c => c.OnlyKind is null || c.OnlyKind != Street.VehicleKind.Motorbike).ToList();
        var result = ParkingBenchmark.Run(new ParkingBenchmarkOptions { Seed = seed, TargetSessions = 900, Conditions = cars });
        var o = result.Overall;
        output.WriteLine($"seed {seed}: {o.Sessions} sessions, arrivals {o.ArrivalAccuracy:0.0000}, departures {o.DepartureAccuracy:0.0000}, false/bay-day {o.FalseChangesPerBayDay:0.000}, p95 {o.LatencyP95Seconds:0.0} s, battery {result.BatteryYears:0.0} y");

        Assert.True(o.Sessions >= 800, $"seed {seed}: only {o.Sessions} sessions");
        Assert.True(o.ArrivalAccuracy >= 0.95, $"seed {seed}: arrival accuracy {o.ArrivalAccuracy:0.0000}");
        Assert.True(o.DepartureAccuracy >= 0.95, $"seed {seed}: departure accuracy {o.DepartureAccuracy:0.0000}");
        Assert.True(o.FalseChangesPerBayDay <= 0.2, $"seed {seed}: {o.FalseChangesPerBayDay:0.000} false changes per bay-day");
        Assert.True(o.LatencyP95Seconds <= 3, $"seed {seed}: p95 latency {o.LatencyP95Seconds:0.0} s");
        Assert.True(result.BatteryYears >= 10, $"seed {seed}: {result.BatteryYears:0.0} years");
        Assert.Equal(0, result.SensorFaults);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result()
    {
        var options = new ParkingBenchmarkOptions { Seed = 5, TargetSessions = 120, Conditions = [ParkingConditionMix.Default[0]], BaysPerRow = 4 };
        var a = ParkingBenchmark.Run(options).Overall;
        var b = ParkingBenchmark.Run(options).Overall;
        Assert.Equal(a, b);
    }
}
