namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Decides, classifying as few boxes as it can, whether any layout hypothesis of a Korean line could still be
/// reported: the trailing digits of every hypothesis first (a line of them is shared by most hypotheses), then the
/// Hangul, the leading digits and the region names of the hypotheses still in the running. Most candidate rows of a
/// street frame are no plate — a grille, a sign, a shop front — and fail on the trailing digits, so their other boxes
/// never reach the glyph network, the largest part of a frame's time. When some hypothesis survives, the reader scores
/// all of them as before (one that can no longer be reported may still score best and so keep a lower one from being
/// reported): the readings reported are exactly those without the cascade.
/// </summary>
internal static class KoreanReadingCascade
{
    /// <summary>Whether some hypothesis's glyphs can still clear <paramref name="floor"/>.</summary>
    public static bool AnyReportable(
        IReadOnlyList<KoreanLayoutHypothesis> hypotheses, IReadOnlyDictionary<KoreanLayoutHypothesis, KoreanLineReader.Upper?> uppers,
        GlyphScorer scorer, LabelSets sets, ReportFloor floor)
    {
        // A two-line hypothesis without an upper line is never read at all.
        var alive = hypotheses.Where(h => h.Layout != KoreanLayouts.TwoLineRegion || uppers[h] is not null).Distinct()
            .Select(h => new Tally(h, GlyphCount(h))).ToList();
        for (int stage = 0; stage < 4 && alive.Count > 0; stage++)
        {
            var asked = alive.Select(t => (Tally: t, Glyphs: Stage(t.Hypothesis, stage, uppers, sets).ToList())).ToList();
            scorer.Prepare(asked.SelectMany(a => a.Glyphs.Select(g => g.Box)));
            foreach ((Tally tally, var glyphs) in asked)
            {
                foreach ((GlyphBox box, IReadOnlyList<int> candidates) in glyphs)
                {
                    float p = scorer.Best(box, candidates).Probability;
                    tally.Weakest = Math.Min(tally.Weakest, p);
                    tally.LogSum += Math.Log(Math.Max(p, 1e-6));
                }
            }

            alive = alive.Where(t => floor.Reachable(t.Weakest, t.LogSum, t.GlyphCount)).ToList();
        }

        return alive.Count > 0;
    }

    // The glyphs KoreanLineReader.Read scores for a hypothesis, in the order the cascade asks about them.
    private static IEnumerable<(GlyphBox Box, IReadOnlyList<int> Candidates)> Stage(
        KoreanLayoutHypothesis h, int stage, IReadOnlyDictionary<KoreanLayoutHypothesis, KoreanLineReader.Upper?> uppers, LabelSets sets)
    {
        switch (stage)
        {
            case 0:
                return h.Trailing.Select(b => (b, sets.Digits));
            case 1:
                return [(h.Hangul, sets.Hangul)];
            case 2:
                return h.Leading.Select(b => (b, sets.Digits));
            default:
                if (h.Region is { } stacked) return [(stacked, sets.RegionStacked)];
                if (h.Layout == KoreanLayouts.TwoLineRegion && uppers[h] is { } upper)
                {
                    return upper.Digits.Select(b => (b, sets.Digits)).Prepend((upper.Region, sets.RegionSideBySide));
                }

                return [];
        }
    }

    private static int GlyphCount(KoreanLayoutHypothesis h) =>
        h.Leading.Count + 1 + h.Trailing.Count + (h.Region is null ? 0 : 1) + (h.Layout == KoreanLayouts.TwoLineRegion ? 3 : 0);

    private sealed class Tally(KoreanLayoutHypothesis hypothesis, int glyphCount)
    {
        public KoreanLayoutHypothesis Hypothesis { get; } = hypothesis;

        public int GlyphCount { get; } = glyphCount;

        public double Weakest { get; set; } = 1;

        public double LogSum { get; set; }
    }
}
