namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The two readers disagreeing on a doubled character: the glyph reader's reading is the line network's with one
/// character written twice in a row (51WWB2 of the network's 51WB2), i.e. the network's reading is the glyph reader's
/// with one of two equal adjacent characters left out. The network decodes with CTC, which merges equal neighbouring
/// columns into one character unless a blank column separates them; two equal letters set close together (WW, MM, 88
/// on a tightly spaced plate, or glued by blur or a low resolution) leave no blank between them, and the network then
/// reads one of them — confidently, since every column it kept is sure. That is a property of the decoder, not of
/// the simulator: it holds on any camera. The glyph reader segments the line into one box a character and classifies
/// each, so it counts the two characters. Where both readings passed their floors, differ only so, and the glyph
/// reader's two boxes are two whole characters (<see cref="CountsBoth"/>), the glyph reading is reported whatever the
/// two confidences are.
/// </summary>
internal static class CollapsedRepeat
{
    /// <summary>
    /// The doubled character when <paramref name="glyphs"/> is <paramref name="network"/> with exactly one character
    /// doubled (removing one character of a pair of equal adjacent characters of <paramref name="glyphs"/> gives
    /// <paramref name="network"/>); null otherwise.
    /// </summary>
    public static char? Doubled(string glyphs, string network)
    {
        if (glyphs.Length != network.Length + 1) return null;
        // The first place the two differ; every earlier character matched.
        int i = 0;
        while (i < network.Length && glyphs[i] == network[i]) i++;
        // glyphs[i] is the extra character: the rest must match, and it must repeat its neighbour (a run the
        // network merged). An extra character equal to no neighbour is another disagreement, not CTC's.
        if (string.CompareOrdinal(glyphs, i + 1, network, i, int.MaxValue) != 0) return null;
        return (i > 0 && glyphs[i - 1] == glyphs[i]) || (i + 1 < glyphs.Length && glyphs[i + 1] == glyphs[i]) ? glyphs[i] : null;
    }

    /// <summary>
    /// The glyph reader saw two whole characters <paramref name="c"/>: two adjacent boxes read <paramref name="c"/>,
    /// each at least <see cref="MinSure"/>, whose centres stand at least <see cref="MinPitch"/> of the reading's median
    /// character pitch apart. Two characters of a plate stand a pitch apart (its characters are set on a fixed or
    /// nearly fixed advance); the segmenter's other way to double a character — one wide letter cut down its middle,
    /// each half read as that letter (71UCH0 read 71UCHH0: two H boxes 11–12 px wide, 12.5 px apart at an 18.5 px pitch,
    /// one of them at 0.40) — stands about half a pitch apart, and its halves are doubtful.
    /// </summary>
    public static bool CountsBoth(LineReading glyphs, char c)
    {
        if (glyphs.Glyphs is not { Count: >= 3 } read) return false;
        float pitch = MedianPitch(read);
        string label = c.ToString();
        for (int k = 1; k < read.Count; k++)
        {
            ReadGlyph a = read[k - 1], b = read[k];
            if (a.Label == label && b.Label == label && a.Probability >= MinSure && b.Probability >= MinSure
                && b.Box.CentreX - a.Box.CentreX >= MinPitch * pitch) return true;
        }

        return false;
    }

    /// <summary>The median distance between adjacent boxes' centres of <paramref name="read"/> (two boxes or more).</summary>
    public static float MedianPitch(IReadOnlyList<ReadGlyph> read)
    {
        var gaps = new List<float>();
        for (int k = 1; k < read.Count; k++) gaps.Add(read[k].Box.CentreX - read[k - 1].Box.CentreX);
        return UpperMedian.Of(gaps);
    }

    /// <summary>Least centre distance of the two doubled boxes, as a share of the reading's median pitch.</summary>
    public const float MinPitch = 0.8f;

    /// <summary>Least classifier probability of each of the two doubled boxes.</summary>
    public const float MinSure = 0.5f;

    /// <summary>
    /// The reading to report of two valid readings: <paramref name="glyphs"/> when it restores a character the
    /// network's CTC merged (<see cref="Doubled"/>) and saw both characters whole (<see cref="CountsBoth"/>);
    /// otherwise the surer one (a reading both give is no less likely than either alone).
    /// </summary>
    public static LineReading Choose(LineReading glyphs, LineReading network) =>
        (Doubled(glyphs.Text, network.Text) is { } c && CountsBoth(glyphs, c)) || glyphs.Confidence >= network.Confidence ? glyphs : network;
}
