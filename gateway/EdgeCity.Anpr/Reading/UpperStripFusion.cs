namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A two-line plate's class digits (its upper line, right of the region name) read from both readers where the line
/// network reads one under its floor. The network reads the strip above the main line as a line of its own, from a far
/// plate's 6–10 px of it; a weak digit there was only confirmed or refused by the glyph CNN on its box
/// (<see cref="UpperStripPlaces"/>, ≥ 0.3), and a far green plate whose class 8 both readers put first (network 0.69–0.81,
/// glyph CNN 0.18–0.28, the rest of the CNN's probability mostly "not a glyph") was refused whole.
/// <para>
/// As for the class Hangul (<see cref="SyllableFusion"/>), the digit is the one of the normalised product of the two
/// readers' distributions over the digits: the network's along its token's columns, the glyph CNN's on the digit's box on
/// the upper line the segmenter finds over the network's main line. Both are taken as distributions over the digits
/// alone — the layout puts a digit there, and the segmenter found a box of a digit's size —, so a CNN that doubts the box
/// is a glyph at all still says which digit it would be. The fused digit is judged by the report's floors and coin-toss
/// rule as any glyph; one the product turns to another digit than the network's is, under the network's floor, still shown
/// to the glyph CNN, which must read it at ≥ 0.3 (<see cref="UpperStripPlaces.Confirm"/>): a CNN that sees no digit on the
/// box cannot turn the network's reading alone.
/// </para>
/// <para>
/// The region name only where both readers put the same name first (<see cref="FusedName"/>): on names the network is the
/// weaker reader, and a product that let one reader turn the other's name gave a false plate (<see cref="SyllableFusion"/>).
/// </para>
/// </summary>
internal static class UpperStripFusion
{
    /// <summary>
    /// The line network's two-line reading <paramref name="whole"/> with each class digit under <paramref name="floor"/>
    /// read from its distribution and the glyph CNN's on the digit's box; null where no digit is weak or there is no upper
    /// line over the network's main line.
    /// </summary>
    public static LineReading? Fuse(RectifiedLine line, GlyphScorer scorer, LabelSets sets, LineReading whole, double floor)
    {
        if (whole.Layout != KoreanLayouts.TwoLineRegion || whole.Glyphs is not { Count: 8 } n) return null;
        if (!IsWeak(n[0], floor) && !IsWeak(n[1], floor) && !IsWeak(n[2], floor)) return null;
        if (UpperStripPlaces.Over(line, whole) is not { } upper) return null;
        var fused = n.ToArray();
        for (int k = 1; k <= 2; k++)
        {
            if (!IsWeak(n[k], floor)) continue;
            (string label, float p, float runnerUp) = SyllableFusion.Product(scorer.Distribution(upper.Digits[k - 1], sets.Digits), n[k].Alternatives!);
            fused[k] = n[k] with { Label = label, Probability = p, RunnerUp = runnerUp };
        }

        if (IsWeak(n[0], floor) && FusedName(n[0], scorer.Distribution(upper.Region, sets.RegionSideBySide)) is { } name) fused[0] = name;
        return fused.SequenceEqual(n) ? null : SyllableFusion.With(whole, fused);
    }

    /// <summary>
    /// The network's upper-strip region name <paramref name="network"/> (under its floor) read from its distribution over the
    /// names and the glyph CNN's <paramref name="seen"/> on the name's box, where the CNN's likeliest name is the network's
    /// at ≥ <see cref="ReadGlyph.MinConfirmingProbability"/>; null otherwise. A far two-line plate's name is 5–7 px tall in
    /// the frame: each reader alone is unsure of it (network 0.4–0.9, CNN 0.3–0.6 with a neighbouring name at half that:
    /// 경북/전북, 경남/전남, 제주/세종), so the CNN's reading was a coin toss that confirms nothing and the whole plate was
    /// refused. Two readers (different models, one shown the segmenter's box, one the strip as a line) that put the same
    /// name first are the evidence the product weighs; one that would turn the other's first name is not taken (the
    /// product then follows whichever reader is the more peaked, which on names is no guide).
    /// </summary>
    internal static ReadGlyph? FusedName(ReadGlyph network, IReadOnlyDictionary<string, float> seen)
    {
        var plain = seen.ToDictionary(kv => LabelSets.Plain(kv.Key), kv => kv.Value, StringComparer.Ordinal);
        if (plain.Count == 0) return null;
        KeyValuePair<string, float> first = plain.MaxBy(kv => kv.Value);
        if (first.Key != network.Label || first.Value < ReadGlyph.MinConfirmingProbability) return null;
        (string label, float p, float runnerUp) = SyllableFusion.Product(plain, network.Alternatives!);
        return label == network.Label ? network with { Probability = p, RunnerUp = runnerUp } : null;
    }

    // An upper-strip character (no place on the main line) under the floor, with the network's distribution over its kind.
    private static bool IsWeak(ReadGlyph g, double floor) => g.Box.Width <= 1 && g.Probability < floor && g.Alternatives is not null;
}
