using EdgeCity.Anpr.Glyphs;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Tells a Latin run that is Korean text — a shop sign's 편의점 24시 read as 24A, 가나안 교회 as 2HL — by asking the
/// Korean glyph network, which knows Hangul syllables, about the run's boxes and those beside it, one by one and two
/// side by side (가 is ㄱ and ㅏ). The Latin network has never seen Hangul and calls a syllable's parts letters.
/// </summary>
internal sealed class HangulSignDetector : IDisposable
{
    private readonly IGlyphClassifier _korean;
    private readonly int[] _syllables;

    /// <param name="korean">The Korean glyph classifier (owned: disposed with this).</param>
    public HangulSignDetector(IGlyphClassifier korean)
    {
        _korean = korean;
        var sets = new LabelSets(korean);
        _syllables = [.. sets.Hangul, .. sets.RegionSideBySide, .. sets.RegionStacked];
    }

    /// <summary>
    /// A box read as one Hangul syllable or region name with at least this probability makes the line Korean text (a
    /// sign's syllable is seldom one of the plates' 40 and is read as the one it most resembles, less surely).
    /// </summary>
    public const float Certain = 0.7f;

    /// <summary>
    /// Whether a Hangul syllable is among <paramref name="run"/>'s boxes or <paramref name="all"/>'s boxes within
    /// <paramref name="reach"/> px of its ends, alone or two side by side.
    /// </summary>
    public bool IsHangulText(RectifiedLine line, List<GlyphBox> all, List<GlyphBox> run, double reach)
    {
        int left = (int)(run[0].X - reach), right = (int)(run[^1].Right + reach);
        var near = all.Where(b => b.X >= left && b.Right <= right && b.Height >= 0.5 * RectifiedLine.CharHeight).Union(run).OrderBy(b => b.X).ToList();
        var asked = new List<GlyphBox>(near);
        for (int i = 0; i + 1 < near.Count; i++)
        {
            GlyphBox pair = GlyphBox.Union([near[i], near[i + 1]]);
            if (pair.Width <= 1.3 * RectifiedLine.CharHeight) asked.Add(pair);
        }

        float[][] p = _korean.Classify(line.Grey, asked);
        return p.Any(row => _syllables.Any(k => row[k] >= Certain));
    }

    public void Dispose() => _korean.Dispose();
}
