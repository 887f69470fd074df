using EdgeCity.Anpr.LineRecognition;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The evidence a line network reading refused only for confidence (it validates; its weakest character sat under the
/// character floor and no confirmer backed it) already has at hand, as one fixed vector for
/// <see cref="RefusedReadingVerifier"/>: the weakest character's probability, kind and runner-up, what the glyph CNN and
/// the class window read on its place, the other characters, the line's size and blur, and whether the glyph reader read
/// the same text. Nothing is computed for it that the rules did not already ask for but the glyph CNN's and the class
/// window's reading of that one place (cached by the scorer where a rule asked it before).
/// </summary>
internal static class RefusedReadingFeatures
{
    /// <summary>The features' names, in order (the export's header; Models/train_verifier.py reads them by name).</summary>
    public static readonly string[] Names =
    [
        "net_weak_log", "kind_class", "kind_name", "kind_digit", "kind_latin", "kind_upper",
        "glyph_same", "glyph_other", "window_same", "window_other", "window_has", "runner_ratio", "others_log",
        "weak_count", "height_log", "glyphs_agree", "glyphs_conf", "motion", "two_line", "stacked", "length", "looks",
    ];

    /// <summary>Index of the count of other lines of the level that read the same refused text (filled by <see cref="RefusedLooks"/>).</summary>
    public static readonly int Looks = Array.IndexOf(Names, "looks");

    /// <summary>
    /// The vector of <paramref name="whole"/>: <paramref name="glyphCnn"/> gives the glyph CNN's distribution on a place
    /// among a weak character's kind (null for an upper-strip character, which has no place on the main line);
    /// <paramref name="window"/> the class window's on a class Hangul's place (null where there is none);
    /// <paramref name="glyphsText"/> the glyph reader's best reading before its floors, <paramref name="heightPx"/> the
    /// line's height in the level's pixels.
    /// </summary>
    public static double[] Of(LineReading whole, double floor, Func<ReadGlyph, IReadOnlyDictionary<string, float>?> glyphCnn,
        Func<GlyphBox, IReadOnlyDictionary<string, float>?> window, LineReading? glyphsText, double heightPx, double motionBlur)
    {
        var f = new double[Names.Length];
        IReadOnlyList<ReadGlyph> glyphs = whole.Glyphs ?? [];
        if (glyphs.Count == 0) return f;
        int weakest = 0;
        for (int k = 1; k < glyphs.Count; k++)
        {
            if (glyphs[k].Probability < glyphs[weakest].Probability) weakest = k;
        }

        ReadGlyph g = glyphs[weakest];
        bool upper = g.Box.Width <= 1;
        bool name = g.Label.Length == 2;
        bool hangul = g.Label.Length == 1 && LabelSets.IsHangulSyllable(g.Label[0]);
        bool digit = g.Label.Length == 1 && char.IsAsciiDigit(g.Label[0]);
        int i = 0;
        f[i++] = Math.Log(Math.Max(g.Probability, 1e-4));
        f[i++] = hangul ? 1 : 0;
        f[i++] = name ? 1 : 0;
        f[i++] = digit ? 1 : 0;
        f[i++] = !hangul && !name && !digit ? 1 : 0;
        f[i++] = upper ? 1 : 0;
        (f[i++], f[i++]) = SameAndOther(upper ? null : glyphCnn(g), name ? "S:" + g.Label : g.Label);
        IReadOnlyDictionary<string, float>? classWindow = hangul && !upper ? window(g.Box) : null;
        (f[i++], f[i++]) = SameAndOther(classWindow, g.Label);
        f[i++] = classWindow is null ? 0 : 1;
        f[i++] = g.Probability > 0 ? Math.Min(1, g.RunnerUp / g.Probability) : 1;
        f[i++] = glyphs.Count > 1 ? Math.Log(LineReading.ConfidenceOf(glyphs.Where((_, k) => k != weakest).Select(o => (double)o.Probability))) : 0;
        f[i++] = glyphs.Count(o => o.Probability < floor) - 1;
        f[i++] = Math.Log(Math.Max(heightPx, 1));
        bool agree = glyphsText is not null && glyphsText.Text == whole.Text;
        f[i++] = agree ? 1 : 0;
        f[i++] = agree ? glyphsText!.Confidence : 0;
        f[i++] = motionBlur;
        f[i++] = whole.Layout == KoreanLayouts.TwoLineRegion ? 1 : 0;
        f[i++] = whole.Layout == KoreanLayouts.StackedRegion ? 1 : 0;
        f[i++] = whole.Text.Length;
        return f;
    }

    // A distribution's probability of label and the best other label's; (0, 0) where there is no distribution.
    private static (double Same, double Other) SameAndOther(IReadOnlyDictionary<string, float>? p, string label)
    {
        if (p is null) return (0, 0);
        double same = p.TryGetValue(label, out float s) ? s : 0;
        double other = p.Where(kv => kv.Key != label).Select(kv => (double)kv.Value).DefaultIfEmpty(0).Max();
        return (same, other);
    }
}
