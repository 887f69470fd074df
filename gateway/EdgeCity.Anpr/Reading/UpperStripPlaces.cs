namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Places for the line network's upper-strip characters of a two-line plate (region name and class digits, read from
/// the strip above the main line as a line of their own, <see cref="LineRecognition.CrnnLineReader"/>), so that the glyph
/// classifier can be shown a weak one as it is shown a main-line character. The strip's tokens have no place on the
/// main line; the segmenter finds the upper line's boxes over the main line the network read — the strip above its class
/// Hangul and four trailing digits, as the glyph reader's own layouts find them over its boxes
/// (<see cref="KoreanLineReader.UpperLine(RectifiedLine, GlyphBox, IReadOnlyList{GlyphBox})"/>). Where the glyph reader
/// reads the main line otherwise (its Hangul's parts or a blur-glued digit cut another way) it has no hypothesis to find
/// that strip from, and a far green two-line plate whose every main-line character the network read at ≥ 0.99 was
/// refused for one class digit at 0.69 that the classifier was never shown.
/// </summary>
internal static class UpperStripPlaces
{
    /// <summary>
    /// Whether the glyph classifier reads upper-strip character <paramref name="k"/> (0: the region name, 1–2: the class
    /// digits) of the network's two-line reading <paramref name="whole"/> as the network does, on the box the segmenter
    /// finds for it over the network's main line; false where that line's places are not a Hangul and four digits or the
    /// strip holds no region name and two digits.
    /// </summary>
    public static bool Confirm(RectifiedLine line, GlyphScorer scorer, LabelSets sets, LineReading whole, int k)
    {
        if (k is < 0 or > 2 || Over(line, whole) is not { } upper) return false;
        ReadGlyph network = whole.Glyphs![k];
        ReadGlyph seen = k == 0 ? scorer.Read(upper.Region, sets.RegionSideBySide) : scorer.Read(upper.Digits[k - 1], sets.Digits);
        string label = k == 0 ? "R:" + network.Label : network.Label;
        return seen.Confirms(label); // the same floor as a main-line character
    }

    /// <summary>
    /// The upper line the segmenter finds over the network's main line of <paramref name="whole"/> (its class Hangul and
    /// four trailing digits' places); null where that line's places are not a Hangul and four digits or the strip holds
    /// no region name and two digits.
    /// </summary>
    public static KoreanLineReader.Upper? Over(RectifiedLine line, LineReading whole)
    {
        if (whole.Glyphs is null) return null;
        var main = whole.Glyphs.Where(g => g.Box.Width > 1).Select(g => g.Box).ToList();
        return main.Count == 5 ? KoreanLineReader.UpperLine(line, main[0], main[1..]) : null;
    }
}
