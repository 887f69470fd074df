namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A Korean reading's class Hangul read from all three of its readers at once: the line network's distribution along its
/// token (<see cref="ReadGlyph.Alternatives"/>), the window classifier's on the network's place for it
/// (<see cref="LineRecognition.ClassWindowModel"/>), and the glyph CNN's on that place where it sees a syllable there at
/// all (<see cref="SyllableFusion.MinSyllableMass"/>). Each is floored at <see cref="SyllableFusion.Floor"/>, the product
/// normalised, as <see cref="SyllableFusion"/> does for two — the readers learnt from different views of the plate (the
/// line's columns in context, a window of them alone, a cut-out glyph), so with a uniform prior the syllable given all
/// three is proportional to the product.
/// <para>
/// Where the network reads the syllable alone — the glyph reader read nothing there, or the same syllable — the existing
/// fusions weigh the window only where it is 0.93 sure, and <see cref="ClassWindowDissent"/> only where it dissents at
/// 0.8: a window between those, against a network sure of a vowel's short stroke, changed nothing. Most class-Hangul false
/// plates of seeds 2–7 were such readings: 751아5089 for 751어5089 (network 아 0.73 / 어 0.19, window 어 0.70 / 아 0.18),
/// 409아8545 for 409마8545 (three looks agreeing on the network's 아 0.8 where the window read 마 0.77–0.86). Their product
/// is a coin toss or the other syllable, and the report's rule for a coin toss (<see cref="ReadGlyph.Ambiguous"/>) refuses
/// it: "unsure", not a sure wrong plate.
/// </para>
/// </summary>
internal static class ClassHangulProduct
{
    /// <summary>
    /// The class Hangul of <paramref name="reading"/> read from the three readers' product: its syllable, probability and
    /// runner-up; null where the reading has no single class syllable, the network's reading (<paramref name="network"/>:
    /// its glyphs, their places and the syllable's distribution) has none at the same place, or the syllable has no place.
    /// </summary>
    public static Verdict? Of(LineReading reading, IReadOnlyList<ReadGlyph>? network,
        Func<GlyphBox, IReadOnlyDictionary<string, float>?> window, Func<GlyphBox, IReadOnlyDictionary<string, float>> glyphClasses)
    {
        if (reading.Glyphs is not { } glyphs || network is null || network.Count != glyphs.Count) return null;
        int slot = ClassSlot(glyphs);
        if (slot < 0 || ClassSlot(network) != slot || network[slot].Alternatives is not { } own || network[slot].Box.Width <= 1) return null;
        GlyphBox place = network[slot].Box;
        var readers = new List<IReadOnlyDictionary<string, float>> { own };
        string? windowSure = null;
        if (window(place) is { Count: > 0 } windowed && windowed.Values.Sum() > 0)
        {
            readers.Add(windowed);
            var (first, share) = SyllableFusion.Normalised(windowed).MaxBy(kv => kv.Value);
            if (share >= MinSureWindow) windowSure = first;
        }

        IReadOnlyDictionary<string, float> seen = glyphClasses(place);
        if (seen.Values.Sum() >= SyllableFusion.MinSyllableMass) readers.Add(seen);
        if (readers.Count < 2) return null;
        var (label, p, runnerUp) = Product(readers);
        return new Verdict(label, p, runnerUp, windowSure == label);
    }

    /// <summary>
    /// The product's syllable, its probability and the runner-up's; <paramref name="WindowSure"/>: the window classifier
    /// alone puts the same syllable first at ≥ <see cref="MinSureWindow"/>.
    /// </summary>
    public readonly record struct Verdict(string Label, float Probability, float RunnerUp, bool WindowSure);

    /// <summary>
    /// The least share of the window classifier's first syllable for the product to raise a syllable the reading holds
    /// less surely (<see cref="ClassWindowDissent.MinDissent"/>'s "sure"). The network's distribution is over the syllables
    /// alone, renormalised, so its share overstates a token the network itself read at 0.48 (its other columns' mass on
    /// blanks and digits): with an unsure window (아 0.48 / 어 0.29) that product raised 170아3442 of 170어3442 over the
    /// floor (seed 6, a false plate main refused).
    /// </summary>
    public const float MinSureWindow = ClassWindowDissent.MinDissent;

    /// <summary>
    /// <paramref name="reading"/> as the three readers' product leaves it: null (refused) where the product puts another
    /// syllable first or is a coin toss (<see cref="ReadGlyph.Ambiguous"/>: its runner-up ≥ 0.4 of it); its class Hangul
    /// with the product's probability and runner-up where the product is surer of that syllable than the reading was and
    /// the window alone is sure of it (<see cref="MinSureWindow"/>: a syllable the network read under the character floor
    /// that the window reads alike, 584아5725, 아 0.72 with the window's 아 0.92); unchanged otherwise.
    /// </summary>
    public static LineReading? Judge(LineReading reading, Verdict? product)
    {
        if (product is not { } p || reading.Glyphs is not { } glyphs || ClassSlot(glyphs) is not (>= 0 and var slot)) return reading;
        if (LabelSets.Plain(glyphs[slot].Label) != p.Label || p.RunnerUp >= ReadGlyph.AmbiguousRatio * p.Probability) return null;
        if (!p.WindowSure || p.Probability <= glyphs[slot].Probability) return reading;
        var judged = glyphs.ToArray();
        judged[slot] = glyphs[slot] with { Probability = p.Probability, RunnerUp = p.RunnerUp };
        return SyllableFusion.With(reading, judged);
    }

    /// <summary>
    /// Whether the two readers, as they read the line before any fusion, read different class syllables: there
    /// <see cref="SyllableFusion"/> weighed them with the window already, and the window sided with the wrong reader as
    /// often as with the right one (86마8607, seed 4: window 아 0.90 with the network against the glyph CNN's right 마;
    /// 665배9795, seed 5: window 배 with the glyph CNN) — the product of three would only count it twice.
    /// </summary>
    public static bool Disputed(LineReading? glyphs, LineReading? network) =>
        glyphs?.Glyphs is { } g && network?.Glyphs is { } n && ClassSlot(g) is >= 0 and var i && ClassSlot(n) is >= 0 and var k
        && LabelSets.Plain(g[i].Label) != LabelSets.Plain(n[k].Label);

    /// <summary>The syllable of the normalised product of the distributions (each floored), its probability and the runner-up's.</summary>
    internal static (string Label, float Probability, float RunnerUp) Product(IReadOnlyList<IReadOnlyDictionary<string, float>> readers)
    {
        var normalised = readers.Select(SyllableFusion.Normalised).ToList();
        var ranked = normalised.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal)
            .Select(label => (Label: label, P: normalised.Aggregate(1.0, (p, r) => p * Math.Max(r.GetValueOrDefault(label), SyllableFusion.Floor))))
            .OrderByDescending(x => x.P).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
        double total = ranked.Sum(x => x.P);
        return (ranked[0].Label, (float)(ranked[0].P / total), ranked.Count > 1 ? (float)(ranked[1].P / total) : 0);
    }

    // The place of the reading's one class Hangul syllable; -1 where it has none or more than one.
    internal static int ClassSlot(IReadOnlyList<ReadGlyph> glyphs)
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
}
