namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A Korean reading whose class Hangul the window classifier (<see cref="LineRecognition.ClassWindowModel"/>) surely reads
/// as another syllable than either reader did. The line network's confident class-Hangul errors where the glyph reader
/// reads nothing (198무1807 for 198우1807 at 0.99, 170아3442 for 170어3442, seed 6: false plates) are the syllable's small
/// part — a vowel's short stroke, an initial's open side — misread in a line the network otherwise reads surely. The
/// window classifier, trained on that syllable's window alone, read the right syllable there (우 0.90, 어 0.82) with the
/// network's under 0.1. Where it dissents so, a confident reading is not a sure plate: the syllable is taken from the
/// window where the glyph CNN, on the network's place for it, puts the same syllable first (two classifiers of different
/// cuts agreeing), else the reading is refused (a wrong plate costs a watch-list more than a missed one).
/// <para>
/// Only where the window dissents from both readers: where one of them read its syllable, the readers disputed it and
/// their fusion (<see cref="SyllableFusion"/>) weighed the window already — and there the window at 0.90 sided with the
/// right reader (665배9795, seed 5: glyph reader 배, network 바) as often as with the wrong one (86마8607, seed 4: network
/// 아, glyph reader 마, window 아 0.90), so it may not overrule the fusion.
/// </para>
/// <para>
/// Only a sure dissent: on seed 2's 741 single-line readings the window put another syllable first on 9 right ones, at
/// most 0.71 (633저1722's 자).
/// </para>
/// </summary>
internal static class ClassWindowDissent
{
    /// <summary>The least share of the window classifier's probability its first syllable must hold to dissent (the model's own cut-off).</summary>
    public const float MinDissent = LineRecognition.ClassWindowModel.MinDissentShare;

    /// <summary>The most share of it the reading's own syllable may hold where the window dissents (the model's own cut-off).</summary>
    public const float MaxOwnShare = LineRecognition.ClassWindowModel.MaxDissentOwnShare;

    /// <summary>
    /// <paramref name="reading"/> as the window classifier's dissent leaves it: unchanged where it has no single class
    /// Hangul, no place for it in <paramref name="places"/> (the network's reading of the same text: its glyphs' places),
    /// or no sure dissent, or where a reader's own reading (<paramref name="asRead"/>: each reader's before the fusion of a
    /// disputed syllable) has the window's syllable; with the window's syllable where <paramref name="glyphClasses"/> (the glyph CNN's distribution
    /// over the class syllables on a box) reads it first on the place; null (refused) otherwise.
    /// </summary>
    public static LineReading? Judge(LineReading reading, IReadOnlyList<ReadGlyph>? places, Func<GlyphBox, IReadOnlyDictionary<string, float>?> window,
        Func<GlyphBox, IReadOnlyDictionary<string, float>> glyphClasses, params LineReading?[] asRead)
    {
        if (reading.Glyphs is not { } glyphs || places is null || places.Count != glyphs.Count) return reading;
        int slot = LabelSets.ClassSyllableSlot(glyphs);
        if (slot < 0 || LabelSets.ClassSyllableSlot(places) != slot || places[slot].Box.Width <= 1) return reading;
        GlyphBox place = places[slot].Box;
        if (Normalised(window(place)) is not { } windowed) return reading;
        var (label, p) = windowed.MaxBy(kv => kv.Value);
        string own = LabelSets.Plain(glyphs[slot].Label);
        if (label == own || p < MinDissent || windowed.GetValueOrDefault(own) >= MaxOwnShare) return reading;
        // A reader that read the window's syllable itself: the readers disputed the syllable, and their fusion already
        // weighed the window (SyllableFusion) — 86마8607 (seed 4), network 아 0.73, glyph CNN 마 0.82, window 아 0.90.
        if (asRead.Any(r => r?.Glyphs is { } g && LabelSets.ClassSyllableSlot(g) is int k && k >= 0 && LabelSets.Plain(g[k].Label) == label)) return reading;
        IReadOnlyDictionary<string, float> seen = glyphClasses(place);
        bool seenAlike = seen.Values.Sum() >= SyllableFusion.MinSyllableMass && seen.MaxBy(kv => kv.Value).Key == label;
        if (!seenAlike) return null;
        var taken = glyphs.ToArray();
        taken[slot] = glyphs[slot] with { Label = label, Probability = p, RunnerUp = windowed.Where(kv => kv.Key != label).Select(kv => kv.Value).DefaultIfEmpty().Max() };
        return SyllableFusion.With(reading, taken);
    }

    // The window's distribution normalised as the fusion's are (SyllableFusion.Normalised); null where it has none.
    private static Dictionary<string, float>? Normalised(IReadOnlyDictionary<string, float>? p) =>
        p is null || p.Count == 0 || p.Values.Sum() <= 0 ? null : SyllableFusion.Normalised(p);
}
