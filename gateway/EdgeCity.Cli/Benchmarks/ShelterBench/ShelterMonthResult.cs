using EdgeCity.HardwareSim.World.Shelter;

namespace EdgeCity.Cli.Benchmarks.ShelterBench;

/// <summary>What one simulated shelter-month scored.</summary>
internal sealed class ShelterMonthResult
{
    /// <summary>Vandalism incidents per kind: how many, how many alarmed.</summary>
    public Dictionary<ShelterEventKind, (int Incidents, int Alarmed)> Vandalism { get; } = [];

    /// <summary>Alarms that matched no vandalism, per the benign event they fell into (or "none").</summary>
    public Dictionary<string, int> FalseAlarms { get; } = [];

    /// <summary>
    /// Per alarmed incident: the latency up to the gateway's door (simulated board time from the decisive impact,
    /// and from the incident's first impact, plus the modelled FIFO read and radio), ms, and which of the
    /// session's alarms it was, whose measured publish→PUBACK completes it.
    /// </summary>
    public List<(ShelterEventKind Kind, double DecisiveToDoorMs, double FirstImpactToDoorMs, int AlarmIndex)> Latencies { get; } = [];

    /// <summary>The board's MQTT session, replayed through the gateway after the simulation.</summary>
    public ShelterBenchSession Session { get; init; } = new();

    /// <summary>Panel energy used and its always-on full-brightness baseline, mJ.</summary>
    public long PanelMillijoules { get; set; }

    /// <summary>See <see cref="PanelMillijoules"/>.</summary>
    public long PanelBaselineMillijoules { get; set; }

    /// <summary>Board energy (panel and electronics) used and its baseline, mJ.</summary>
    public long BoardMillijoules { get; set; }

    /// <summary>See <see cref="BoardMillijoules"/>.</summary>
    public long BoardBaselineMillijoules { get; set; }

    /// <summary>Samples the emulated accelerometer produced one by one.</summary>
    public long SamplesEmulated { get; set; }

    /// <summary>Board wake-ups, and those caused by INT1.</summary>
    public long Wakes { get; set; }

    /// <summary>See <see cref="Wakes"/>.</summary>
    public long InterruptWakes { get; set; }

    /// <summary>True when the board applied the schedule it was sent on its downlink.</summary>
    public bool ScheduleApplied { get; set; }

    /// <summary>CPU-side wall time of the simulation of this month, ms.</summary>
    public double SimulationMs { get; set; }
}
