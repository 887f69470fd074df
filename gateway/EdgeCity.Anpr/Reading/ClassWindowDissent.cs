namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A Korean reading whose class Hangul the window classifier (<see cref="LineRecognition.ClassWindowModel"/>) surely reads
/// as another syllable. The line network's confident class-Hangul errors (665바9795 for 665배9795 at 0.96, 198무1807
/// for 198우1807, 170아3442 for 170어3442, seeds 5–6) are the syllable's small part — a vowel's short stroke, an initial's
/// closed top — misread in a line the network otherwise reads surely; where the glyph reader reads the same plate it is
/// mostly the same misread of a box cut from the same ink. The window classifier, trained on that syllable's window
/// alone, read the right syllable there at 0.82–0.90 with the network's under 0.1. Where it dissents so, a confident
/// reading is not a sure plate: the syllable is taken from the window where the glyph CNN, on the network's place for
/// it, puts the same syllable first (two classifiers of different cuts agreeing: 배 0.86 and 0.90 on 665배9795), else
/// the reading is refused (a wrong plate costs a watch-list more than a missed one).
/// <para>
/// Only a sure dissent: on seed 2's 741 single-line readings the window put another syllable first on 9 right ones, at
/// most 0.71 (633저1722's 자); <see cref="SyllableFusion.MinSureWindow"/>'s product joins the window only where the
/// readers already disagree.
/// </para>
/// </summary>
internal static class ClassWindowDissent
{
    /// <summary>The least share of the window classifier's probability its first syllable must hold to dissent.</summary>
    public const float MinDissent = 0.8f;

    /// <summary>The most share of it the reading's own syllable may hold where the window dissents.</summary>
    public const float MaxOwnShare = 0.1f;

    /// <summary>
    /// <paramref name="reading"/> as the window classifier's dissent leaves it: unchanged where it has no single class
    /// Hangul, no place for it in <paramref name="places"/> (the network's reading of the same text: its glyphs' places),
    /// or no sure dissent; with the window's syllable where <paramref name="glyphClasses"/> (the glyph CNN's distribution
    /// over the class syllables on a box) reads it first on the place; null (refused) otherwise.
    /// </summary>
    public static LineReading? Judge(LineReading reading, IReadOnlyList<ReadGlyph>? places, Func<GlyphBox, IReadOnlyDictionary<string, float>?> window,
        Func<GlyphBox, IReadOnlyDictionary<string, float>> glyphClasses)
    {
        if (reading.Glyphs is not { } glyphs || places is null || places.Count != glyphs.Count) return reading;
        int slot = ClassSlot(glyphs);
        if (slot < 0 || ClassSlot(places) != slot || places[slot].Box.Width <= 1) return reading;
        GlyphBox place = places[slot].Box;
        if (Normalised(window(place)) is not { } windowed) return reading;
        var (label, p) = windowed.MaxBy(kv => kv.Value);
        string own = LabelSets.Plain(glyphs[slot].Label);
        if (label == own || p < MinDissent || windowed.GetValueOrDefault(own) >= MaxOwnShare) return reading;
        IReadOnlyDictionary<string, float> seen = glyphClasses(place);
        bool seenAlike = seen.Values.Sum() >= SyllableFusion.MinSyllableMass && seen.MaxBy(kv => kv.Value).Key == label;
        if (!seenAlike) return null;
        var taken = glyphs.ToArray();
        taken[slot] = glyphs[slot] with { Label = label, Probability = p, RunnerUp = windowed.Where(kv => kv.Key != label).Select(kv => kv.Value).DefaultIfEmpty().Max() };
        return SyllableFusion.With(reading, taken);
    }

    // The place of the reading's one class Hangul syllable; -1 where it has none or more than one.
    private static int ClassSlot(IReadOnlyList<ReadGlyph> glyphs)
    {
        int slot = -1;
        for (int i = 0; i < glyphs.Count; i++)
        {
            string label = glyphs[i].Label;
            if (label.Length != 1 || !LabelSets.IsHangulSyllable(label[0])) continue;
            if (slot >= 0) return -1;
            slot = i;
        }

        return slot;
    }

    private static Dictionary<string, float>? Normalised(IReadOnlyDictionary<string, float>? p)
    {
        if (p is null || p.Count == 0) return null;
        float total = p.Values.Sum();
        return total <= 0 ? null : p.ToDictionary(kv => kv.Key, kv => kv.Value / total, StringComparer.Ordinal);
    }
}
