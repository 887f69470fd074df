namespace EdgeCity.Anpr.Voting;

/// <summary>The readings of one vehicle across consecutive frames, and the vote over them.</summary>
internal sealed class PlateTrack
{
    private readonly List<PlateReading> _readings = [];

    public PlateTrack(long frame, PlateReading first)
    {
        FirstFrame = frame;
        Add(frame, first);
    }

    public long FirstFrame { get; }

    public long LastFrame { get; private set; }

    public PlateReading Last => _readings[^1];

    public void Add(long frame, PlateReading reading)
    {
        _readings.Add(reading);
        LastFrame = frame;
    }

    /// <summary>
    /// Whole readings vote with their confidence; then, among readings of the winner's length, each character
    /// position votes on its own — so a plate misread differently in every frame still comes out right, as long as
    /// each character is right in most frames. The per-position result is taken only if it is a valid plate.
    /// </summary>
    public VotedPlate Vote(Func<string, bool> isValid)
    {
        var byText = _readings.GroupBy(r => r.Text).Select(g => (Text: g.Key, Mass: g.Sum(r => r.Confidence))).OrderByDescending(g => g.Mass).ToList();
        double total = byText.Sum(g => g.Mass);
        string winner = byText[0].Text;
        var sameLength = _readings.Where(r => r.Text.Length == winner.Length).ToList();
        var chars = new char[winner.Length];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = sameLength.GroupBy(r => r.Text[i]).OrderByDescending(g => g.Sum(r => r.Confidence)).First().Key;
        }

        string positional = new(chars);
        if (positional != winner && isValid(positional)) winner = positional;
        var agreeing = _readings.Where(r => r.Text == winner).ToList();
        double share = agreeing.Sum(r => r.Confidence) / total;
        double mean = agreeing.Count == 0 ? byText[0].Mass / _readings.Count : agreeing.Average(r => r.Confidence);
        return new VotedPlate(winner, Math.Round(share * mean, 3), _readings.Count, FirstFrame, LastFrame);
    }
}
