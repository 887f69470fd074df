namespace EdgeCity.Cli.Benchmarks.AnprBench;

/// <summary>
/// Scores of a set of scenes: exact reads (the true text among the readings), character accuracy (1 − edit
/// distance / length of the closest reading, 0 when nothing was read), false plates (readings that are not the
/// true text) and recognition times.
/// </summary>
internal sealed class AnprTally
{
    private readonly List<double> _ms = [];
    private readonly List<double> _wallMs = [];

    public int Scenes { get; private set; }

    public int Plates { get; private set; }

    public int Exact { get; private set; }

    public int TrueCharacters { get; private set; }

    public int CorrectCharacters { get; private set; }

    public int FalsePlates { get; private set; }

    /// <summary>Counts one scene: its true text (null for none), the readings, CPU and wall milliseconds of the read.</summary>
    public void Add(string? truth, IReadOnlyList<string> readings, double ms, double wallMs)
    {
        Scenes++;
        _ms.Add(ms);
        _wallMs.Add(wallMs);
        FalsePlates += readings.Count(r => r != truth);
        if (truth is null) return;
        Plates++;
        if (readings.Contains(truth)) Exact++;
        int best = readings.Count == 0 ? truth.Length : readings.Min(r => EdgeCity.Anpr.TextDistance.Levenshtein(truth, r));
        TrueCharacters += truth.Length;
        CorrectCharacters += Math.Max(0, truth.Length - best);
    }

    /// <summary>The tally of <paramref name="condition"/> in <paramref name="tallies"/>, a new one the first time it is asked for.</summary>
    public static AnprTally Of(Dictionary<string, AnprTally> tallies, string condition)
    {
        if (!tallies.TryGetValue(condition, out AnprTally? tally)) tallies[condition] = tally = new AnprTally();
        return tally;
    }

    public double ExactRate => Plates == 0 ? 0 : Exact / (double)Plates;

    public double CharacterAccuracy => TrueCharacters == 0 ? 0 : CorrectCharacters / (double)TrueCharacters;

    public double FalsePlatesPerFrame => Scenes == 0 ? 0 : FalsePlates / (double)Scenes;

    /// <summary>Percentile <paramref name="q"/> (0…1) of the CPU milliseconds per frame.</summary>
    public double Percentile(double q) => Percentile(_ms, q);

    /// <summary>Percentile <paramref name="q"/> (0…1) of the wall-clock milliseconds per frame.</summary>
    public double WallPercentile(double q) => Percentile(_wallMs, q);

    private static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
    }
}
