namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The line network's reading of a Korean plate with its class Hangul read as a digit: seven or eight digits, no valid
/// format (51고9825 read 5129825 at 0.89–0.99 on twelve lines of one motion-blurred plate, seed 2 scene 731, while the
/// glyph classifier reads 고 at 0.8 on its place). A Korean plate's main line is 2–3 digits, a class Hangul and 4 digits,
/// so the Hangul's place in an all-digit reading is fixed by its length: the fifth character from the end. Where the glyph
/// classifier reads a Hangul syllable there — among the syllables and digits, surely (<see cref="MinSyllable"/>) and no
/// coin toss, on the network's place for it or on the segmenter's cuts within it (가 is ㄱ and ㅏ side by side) — the
/// reading takes that syllable, and the report's rules judge it as any reading (its syllable under the network's floor
/// is confirmed by the glyph classifier or refused).
/// </summary>
/// <remarks>
/// Only the one place and only a syllable the classifier prefers to every digit: a sign's number (a phone number of seven
/// digits) has a digit there, which the classifier reads as a digit.
/// </remarks>
internal static class ClassHangulReadAsDigit
{
    /// <summary>The least probability of the glyph classifier's syllable at the class place (among syllables and digits).</summary>
    public const float MinSyllable = 0.5f;

    /// <summary>
    /// <paramref name="network"/> with its class place's digit replaced by the syllable the glyph classifier reads there;
    /// null where the reading is not seven or eight digits or the classifier reads no sure syllable there.
    /// </summary>
    public static LineReading? Read(LineReading network, RectifiedLine line, GlyphScorer scorer, LabelSets sets)
    {
        if (network.Glyphs is not { Count: 7 or 8 } glyphs || !network.Text.All(char.IsAsciiDigit) || network.Text.Length != glyphs.Count) return null;
        int slot = glyphs.Count - 5;
        GlyphBox place = glyphs[slot].Box;
        if (place.Width <= 1) return null;
        IReadOnlyList<int> candidates = [.. sets.Hangul, .. sets.Digits];
        List<GlyphBox> cuts = GlyphSegmenter.SegmentMain(line, out _, 0.25);
        var inside = cuts.Where(b => b.CentreX >= place.X && b.CentreX < place.Right).ToList();
        IEnumerable<GlyphBox> views = inside.Zip(inside.Skip(1), (a, b) => GlyphBox.Union([a, b])).Concat(inside).Prepend(place);
        ReadGlyph? best = null;
        foreach (GlyphBox view in views)
        {
            ReadGlyph read = scorer.Read(view, candidates);
            if (read.Label.Length == 1 && LabelSets.IsHangulSyllable(read.Label[0]) && (best is null || read.Probability > best.Value.Probability)) best = read;
        }

        if (best is not { } syllable || syllable.Probability < MinSyllable || syllable.Ambiguous) return null;
        var read2 = glyphs.ToArray();
        read2[slot] = syllable with { Box = place };
        return SyllableFusion.With(network, read2) with { Layout = KoreanLayouts.DigitsHangulDigits };
    }
}
