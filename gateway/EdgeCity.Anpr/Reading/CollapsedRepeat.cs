namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The two readers disagreeing on a doubled character: the glyph reader's reading is the line network's with one
/// character written twice in a row (51WWB2 of the network's 51WB2), i.e. the network's reading is the glyph reader's
/// with one of two equal adjacent characters left out. The network decodes with CTC, which merges equal neighbouring
/// columns into one character unless a blank column separates them; two equal letters set close together (WW, MM, 88
/// on a tightly spaced plate, or glued by blur or a low resolution) leave no blank between them, and the network then
/// reads one of them — confidently, since every column it kept is sure. That is a property of the decoder, not of
/// the simulator: it holds on any camera. The glyph reader segments the line into one box a character and classifies
/// each, so it counts the two characters. Where both readings passed their floors and differ only so, the glyph
/// reading is reported whatever the two confidences are.
/// </summary>
internal static class CollapsedRepeat
{
    /// <summary>
    /// True when <paramref name="glyphs"/> is <paramref name="network"/> with exactly one character doubled: removing
    /// one character of a pair of equal adjacent characters of <paramref name="glyphs"/> gives <paramref name="network"/>.
    /// </summary>
    public static bool Restores(string glyphs, string network)
    {
        if (glyphs.Length != network.Length + 1) return false;
        // The first place the two differ; every earlier character matched.
        int i = 0;
        while (i < network.Length && glyphs[i] == network[i]) i++;
        // glyphs[i] is the extra character: the rest must match, and it must repeat its neighbour (a run the
        // network merged). An extra character equal to no neighbour is another disagreement, not CTC's.
        if (string.CompareOrdinal(glyphs, i + 1, network, i, int.MaxValue) != 0) return false;
        return (i > 0 && glyphs[i - 1] == glyphs[i]) || (i + 1 < glyphs.Length && glyphs[i + 1] == glyphs[i]);
    }

    /// <summary>
    /// The reading to report of two valid readings: <paramref name="glyphs"/> when it restores a character the
    /// network's CTC merged (<see cref="Restores"/>); otherwise the surer one (a reading both give is no less likely
    /// than either alone).
    /// </summary>
    public static LineReading Choose(LineReading glyphs, LineReading network) =>
        Restores(glyphs.Text, network.Text) || glyphs.Confidence >= network.Confidence ? glyphs : network;
}
