using EdgeCity.HardwareSim.Street;

namespace EdgeCity.HardwareSim.Evaluation;

/// <summary>How big and how hard a parking benchmark run is.</summary>
public sealed record ParkingBenchmarkOptions
{
    /// <summary>Seed of everything.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Parking sessions to simulate (about; whole rows of bays are run).</summary>
    public int TargetSessions { get; init; } = 10_000;

    /// <summary>Bays per simulated row.</summary>
    public int BaysPerRow { get; init; } = 8;

    /// <summary>The conditions rows are drawn from, in rotation.</summary>
    public IReadOnlyList<StreetConditions> Conditions { get; init; } = ParkingConditionMix.Default;

    /// <summary>
    /// Run only the rows of this condition (by name), with the seeds they have in the whole run: a full run's
    /// figures for one condition, reproduced for less (null: every row).
    /// </summary>
    public string? OnlyCondition { get; init; }

    /// <summary>Rows run in parallel (each on its own virtual clock).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
