namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The line network's reading that leaves out a box beside it, asked as the glyph reader's layouts ask
/// (<see cref="KoreanLineReader"/>): a box the glyph classifier calls "not a glyph" — the plate's rim or a frame's edge
/// beside the first or last character, a bolt's shadow — is no character the reading left out. The network's own
/// check sees only the segmenter's boxes, their size and distance, and a plate's dark border beside its text is
/// character-sized there (141다5888 beside the rim, 07주4389 beside the frame: refused while the glyph reader, which
/// vetoes those boxes, read a plate with a digit too few or nothing). The glyph classifier learnt its junk class from
/// exactly those boxes beside real plates.
/// </summary>
internal static class LeftOutVeto
{
    /// <summary>A box beside a reading with at least this "not a glyph" probability is not a character it left out.</summary>
    public const float NotAGlyph = 0.5f;

    /// <summary>
    /// <paramref name="reading"/>, no longer leaving out a character when every box it leaves out
    /// (<see cref="LineReading.LeftOut"/>) is not a glyph to the classifier behind <paramref name="scorer"/>.
    /// </summary>
    public static LineReading Apply(LineReading reading, GlyphScorer scorer, LabelSets sets)
    {
        if (!reading.LeavesOutCharacter || reading.LeftOut is not { Count: > 0 } boxes || sets.JunkIndex < 0) return reading;
        // Before the first character only a box nearly a character tall (the warp makes the main line's characters
        // CharHeight tall): a stacked region name found in part (경 of 경북, its 북 lost) is shorter than the digits and
        // the classifier calls it junk (43자9041 of 경북43자9041), while the rim's or a frame's edge runs the
        // characters' full height.
        float middle = reading.Extent.CentreX;
        bool Vetoed(GlyphBox b) => scorer.Best(b, [sets.JunkIndex]).Probability > NotAGlyph
            && (b.CentreX > middle || b.Height >= 0.9 * RectifiedLine.CharHeight);
        return boxes.All(Vetoed) ? reading with { LeavesOutCharacter = false } : reading;
    }
}
