namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The readings a level refused only for confidence (<see cref="RefusedReadingFeatures"/>), each with its evidence; where
/// the level read no plate, the one <see cref="RefusedReadingVerifier"/> judges likeliest right, if it clears the
/// verifier's threshold. Dropped with the level's <see cref="AgreeingLooks"/> where a body may not report them.
/// </summary>
internal sealed class RefusedLooks
{
    private readonly List<(PlateReading Reading, double[] Features)> _looks = [];

    public int Count => _looks.Count;

    public void Clear() => _looks.Clear();

    public void Add(PlateReading reading, double[] features) => _looks.Add((reading, features));

    public void DropFrom(int first, Func<PlateReading, bool> drop)
    {
        for (int i = _looks.Count - 1; i >= first; i--)
        {
            if (drop(_looks[i].Reading)) _looks.RemoveAt(i);
        }
    }

    /// <summary>Each reading with its features, the count of the level's other refused readings of the same text filled in.</summary>
    public IEnumerable<(PlateReading Reading, double[] Features)> WithLooks()
    {
        foreach ((PlateReading reading, double[] features) in _looks)
        {
            features[RefusedReadingFeatures.Looks] = _looks.Count(l => l.Reading.Text == reading.Text) - 1;
            yield return (reading, features);
        }
    }

    /// <summary>The reading <paramref name="verifier"/> judges likeliest right among those it accepts (at its own threshold unless <paramref name="threshold"/>); null if none.</summary>
    public PlateReading? Verified(RefusedReadingVerifier verifier, double? threshold = null) =>
        WithLooks().Select(l => (l.Reading, P: verifier.Probability(l.Features)))
            .Where(l => l.P >= (threshold ?? verifier.Threshold)).OrderByDescending(l => l.P).Select(l => (PlateReading?)l.Reading).FirstOrDefault();
}
