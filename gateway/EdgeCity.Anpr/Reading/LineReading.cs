namespace EdgeCity.Anpr.Reading;

/// <summary>What a layout read from one rectified line.</summary>
/// <param name="Text">The reading, e.g. 123가4567.</param>
/// <param name="Layout">The layout that produced it.</param>
/// <param name="Score">Layout score (sum of glyph log-odds less geometry penalties); higher is better.</param>
/// <param name="Confidence">Geometric mean of the glyph probabilities, 0…1.</param>
/// <param name="Extent">Rectified-pixel box of the glyphs used.</param>
/// <param name="WeakestGlyph">The lowest glyph probability: one doubtful character makes the whole reading doubtful.</param>
/// <param name="LeavesOutCharacter">A character-sized box right beside the reading is not part of it: the reading is
/// probably a valid-looking part of a longer plate (32자6493 of 서울32자6493), not a plate.</param>
/// <param name="Glyphs">The glyphs read, in reading order (empty where a reader does not keep them).</param>
/// <param name="LeftOut">The character-sized boxes beside the reading that made <paramref name="LeavesOutCharacter"/>
/// true and that the glyph classifier may yet call "not a glyph" (<see cref="LeftOutVeto"/>); null where the reading is
/// rejected for a reason no box lifts (the warp's edge, a stacked region's place).</param>
internal sealed record LineReading(
    string Text, string Layout, double Score, double Confidence, GlyphBox Extent, double WeakestGlyph, bool LeavesOutCharacter = false,
    IReadOnlyList<ReadGlyph>? Glyphs = null, IReadOnlyList<GlyphBox>? LeftOut = null)
{
    /// <summary>A reading's <see cref="Confidence"/> from its glyphs' probabilities: their geometric mean (each floored at 1e-6, so one zero does not make the whole reading's log infinite).</summary>
    public static double ConfidenceOf(IEnumerable<double> probabilities) => Math.Exp(probabilities.Average(p => Math.Log(Math.Max(p, 1e-6))));

    /// <summary>The reading's first Hangul syllable, a Korean plate's class Hangul; null where it has none or keeps no glyphs.</summary>
    public ReadGlyph? ClassSyllable => Glyphs?.Where(g => g.IsSyllable).Select(g => (ReadGlyph?)g).FirstOrDefault();
}
