namespace EdgeCity.Anpr.Reading;

/// <summary>
/// An EU reading whose first or last character is only part of one: the segmenter's box under it is much lower than the
/// reading's other characters (the bowl of a P whose stem faded, read D: NJ759SD of NJ759SP). A plate's capitals and
/// digits are all one height, so an end box under <see cref="MinEndHeight"/> of the characters' median is not a whole
/// character, and the text read there is a guess — and whatever the plate holds beyond it unread. Asked of the reported
/// reading, either reader's, on the glyph reader's own cut of the line.
/// </summary>
internal static class PartEndCharacter
{
    /// <summary>
    /// The least height of an end character's box, as a share of the median of the reading's characters' boxes: on the
    /// EU plates of seeds 2–5 read right, 0.85 and up; the P's bowl of NJ759SP was 0.71.
    /// </summary>
    public const double MinEndHeight = 0.8;

    /// <summary>Whether <paramref name="reading"/>'s first or last character is part of one on <paramref name="boxes"/> (the line's segmentation).</summary>
    public static bool Of(LineReading reading, IReadOnlyList<GlyphBox> boxes)
    {
        if (reading.Glyphs is not { Count: >= 2 } read) return false;
        // The full-height boxes the glyph reader reads (LatinLineReader: 0.6 of the line's character height and up).
        var full = boxes.Where(b => b.Height >= 0.6 * RectifiedLine.CharHeight).ToList();
        GlyphBox? Under(ReadGlyph g) => full.Where(b => b.X - 1 <= g.Box.CentreX && b.Right + 1 >= g.Box.CentreX).Select(b => (GlyphBox?)b).FirstOrDefault();
        var under = read.Select(Under).ToList();
        var heights = under.Where(b => b is not null).Select(b => b!.Value.Height).ToList();
        if (heights.Count < 2) return false;
        double median = UpperMedian.Of(heights);
        return (under[0] is { } first && first.Height < MinEndHeight * median) || (under[^1] is { } last && last.Height < MinEndHeight * median);
    }
}
