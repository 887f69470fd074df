namespace EdgeCity.HardwareSim.Evaluation;

/// <summary>Scores of a set of bays: what the benchmark line reports, for one condition or all.</summary>
public sealed record ParkingScore(
    string Name,
    int Sessions,
    int Arrivals,
    int ArrivalsCorrect,
    int Departures,
    int DeparturesCorrect,
    int FalseChanges,
    double BayDays,
    double LatencyP95Seconds)
{
    /// <summary>Fraction of true arrivals reported once, in time.</summary>
    public double ArrivalAccuracy => Arrivals == 0 ? 1 : (double)ArrivalsCorrect / Arrivals;

    /// <summary>Fraction of true departures reported once, in time.</summary>
    public double DepartureAccuracy => Departures == 0 ? 1 : (double)DeparturesCorrect / Departures;

    /// <summary>Reports matching no true event, per bay and day.</summary>
    public double FalseChangesPerBayDay => BayDays == 0 ? 0 : FalseChanges / BayDays;
}
