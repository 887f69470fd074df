using EdgeCity.Anpr.Glyphs;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Reads a rectified line as a Korean plate: segments it, enumerates the layouts the region profile allows
/// (<see cref="KoreanLayouts"/>), reads a two-line plate's upper line (region name and 2-digit class) from the strip
/// above, and keeps the hypothesis whose glyphs the classifier is surest of. Also aligns a line with its known text to
/// label training glyphs, with exactly the same segmentation.
/// </summary>
internal static class KoreanLineReader
{
    private const int H = RectifiedLine.CharHeight;

    /// <summary>
    /// The best reading of <paramref name="line"/>; with <paramref name="floor"/>, null as soon as no reading could be
    /// reported; with <paramref name="blurredCuts"/>, glued runs cut where their grey ink dips at the characters' pitch
    /// (<see cref="BlurredRunCutter"/>: a motion-blurred line).
    /// </summary>
    public static LineReading? Read(RectifiedLine line, GlyphScorer scorer, LabelSets sets, IReadOnlyList<string> layouts, ReportFloor? floor = null, bool blurredCuts = false)
    {
        List<GlyphBox> all = GlyphSegmenter.SegmentMain(line, out double threshold, MinBoxHeight, blurredCuts: blurredCuts);
        var hypotheses = KoreanLayouts.Enumerate(all, layouts);
        if (hypotheses.Count == 0) return null;
        // Every box any hypothesis asks about — stacked regions and two-line upper lines too — in one batch: the network
        // costs far less per glyph in a batch than in one call per box.
        var uppers = hypotheses.Where(h => h.Layout == KoreanLayouts.TwoLineRegion).Distinct().ToDictionary(h => h, h => UpperLine(line, threshold, h));
        if (floor is not null && !KoreanReadingCascade.AnyReportable(hypotheses, uppers, scorer, sets, floor)) return null;
        scorer.Prepare(hypotheses.SelectMany(h => h.Digits.Append(h.Hangul).Concat(h.Region is { } r ? [r] : []).Concat(h.LeftOut ?? []))
            .Concat(uppers.Values.SelectMany(u => u is null ? [] : u.Digits.Append(u.Region))));
        LineReading? best = null;
        foreach (KoreanLayoutHypothesis hyp in hypotheses)
        {
            var glyphs = new List<ReadGlyph>();
            ReadGlyph Read(GlyphBox box, IReadOnlyList<int> candidates)
            {
                ReadGlyph g = scorer.Read(box, candidates);
                glyphs.Add(g);
                return g;
            }

            string? regionName = null;
            string topDigits = "";
            GlyphBox extent = hyp.Extent;
            if (hyp.Region is { } stacked)
            {
                regionName = Read(stacked, sets.RegionStacked).Label[2..];
            }
            else if (hyp.Layout == KoreanLayouts.TwoLineRegion)
            {
                if (uppers[hyp] is not { } upper) continue;
                regionName = Read(upper.Region, sets.RegionSideBySide).Label[2..];
                foreach (GlyphBox d in upper.Digits) topDigits += Read(d, sets.Digits).Label;
                extent = GlyphBox.Union([extent, upper.Region, .. upper.Digits]);
            }

            var leading = hyp.Leading.Select(b => Read(b, sets.Digits)).ToList();
            var hangul = Read(hyp.Hangul, sets.Hangul);
            var trailing = hyp.Trailing.Select(b => Read(b, sets.Digits)).ToList();
            double logOdds = glyphs.Sum(g => Math.Log(Math.Max(g.Probability, 1e-4) / 0.5));
            (double geometry, bool leavesOut) = LeftOutCharacters(hyp, scorer, sets);
            double score = logOdds - (1.5 * geometry);
            double confidence = LineReading.ConfidenceOf(glyphs.Select(g => (double)g.Probability));
            string text = (regionName ?? "") + topDigits + string.Concat(leading.Select(g => g.Label)) + hangul.Label + string.Concat(trailing.Select(g => g.Label));
            if (best is null || score > best.Score)
            {
                best = new LineReading(text, hyp.Layout, score, confidence, extent, glyphs.Min(g => g.Probability), leavesOut, glyphs);
            }
        }

        return best;
    }

    /// <summary>
    /// The hypothesis's geometry penalty and whether it leaves out a character, after asking the classifier about each
    /// character-sized box beside it: one it calls "not a glyph" (a thick frame edge, a bolt's shadow, a sticker) is no
    /// left-out character — geometry alone would reject a real plate beside such an edge.
    /// </summary>
    private static (double Geometry, bool LeavesOut) LeftOutCharacters(KoreanLayoutHypothesis hyp, GlyphScorer scorer, LabelSets sets)
    {
        if (!hyp.LeavesOutCharacter || hyp.LeftOut is not { Count: > 0 } boxes || sets.JunkIndex < 0) return (hyp.GeometryPenalty, hyp.LeavesOutCharacter);
        int junk = boxes.Count(b => b != hyp.RegionSlot && scorer.Best(b, [sets.JunkIndex]).Probability > LeftOutVeto.NotAGlyph);
        return (hyp.GeometryPenalty - (junk * KoreanLayouts.UnexplainedNeighbourPenalty), junk < boxes.Count || hyp.RegionSlot is not null);
    }

    /// <summary>Labels the glyphs of a line whose text is known (training); empty when segmentation does not fit the text.</summary>
    public static List<LabelledGlyph> Align(RectifiedLine line, string layout, string text)
    {
        var samples = new List<LabelledGlyph>();
        List<GlyphBox> all = SegmentMain(line, out double threshold);
        int leadingCount = layout == KoreanLayouts.TwoLineRegion ? 0 : text.Count(char.IsAsciiDigit) - 4 - (layout == KoreanLayouts.StackedRegion ? 0 : 0);
        string region = layout == KoreanLayouts.DigitsHangulDigits ? "" : text[..2];
        string rest = text[region.Length..];
        string top = layout == KoreanLayouts.TwoLineRegion ? rest[..2] : "";
        string main = rest[top.Length..];
        leadingCount = main.Length - 5;
        // The last digit is the rightmost full-height box unless geometry says otherwise: a wrong shift (a Hangul part
        // taken for a digit) can look as regular as the truth, and would teach the classifier wrong labels. Geometry here
        // is the fit's own regularity: a box beside it that it leaves out (a rim piece, a bolt) is the reader's concern
        // (it rejects such readings), not a reason to call the boxes unalignable — nor is a rim piece at the right end,
        // so a fit too irregular to be the text never wins by ending on the rightmost box.
        int lastTall = all.Where(b => b.Height >= 0.62 * H && b.Width <= 1.05 * H).Select(b => b.Right).DefaultIfEmpty(0).Max();
        static double OwnPenalty(KoreanLayoutHypothesis h) => h.GeometryPenalty - ((h.LeftOut?.Count ?? 0) * KoreanLayouts.UnexplainedNeighbourPenalty);
        KoreanLayoutHypothesis? fit = KoreanLayouts.Enumerate(all, [layout])
            .Where(h => h.Leading.Count == leadingCount && (layout != KoreanLayouts.StackedRegion || h.Region is not null) && OwnPenalty(h) <= 1.5)
            .OrderBy(h => h.Trailing[^1].Right == lastTall ? 0 : 1).ThenBy(OwnPenalty).FirstOrDefault();
        if (fit is null) return samples;
        for (int i = 0; i < fit.Leading.Count; i++) samples.Add(new(fit.Leading[i], main[i].ToString()));
        samples.Add(new(fit.Hangul, main[leadingCount].ToString()));
        for (int i = 0; i < 4; i++) samples.Add(new(fit.Trailing[i], main[leadingCount + 1 + i].ToString()));
        if (fit.Region is { } stacked) samples.Add(new(stacked, "S:" + region));
        if (layout == KoreanLayouts.TwoLineRegion)
        {
            if (UpperLine(line, threshold, fit) is not { } upper) return [];
            samples.Add(new(upper.Region, "R:" + region));
            samples.Add(new(upper.Digits[0], top[..1]));
            samples.Add(new(upper.Digits[1], top[1..2]));
        }

        // Everything else full-height on the line is junk to the classifier, including the parts of a Hangul syllable
        // on their own (ㅏ is not a 1) — which is what lets the layouts reject wrong splits.
        var used = samples.Select(s => s.Box).ToList();
        foreach (GlyphBox b in all.Where(b => b.Height >= 0.5 * H))
        {
            if (!used.Contains(b)) samples.Add(new(b, GlyphClassifier.Junk));
        }

        return samples;
    }

    private static List<GlyphBox> SegmentMain(RectifiedLine line, out double threshold) =>
        GlyphSegmenter.SegmentMain(line, out threshold, MinBoxHeight);

    // Boxes under this fraction of a character's height are not given to the layouts (reading and aligning alike).
    private const double MinBoxHeight = 0.25;

    // The parts from the rightmost leftwards, as long as each gap to the run so far is at most maxGap px.
    private static List<GlyphBox> ContiguousLeftwards(List<GlyphBox> parts, double maxGap)
    {
        var run = new List<GlyphBox>(parts.Count);
        int left = int.MaxValue;
        foreach (GlyphBox b in parts.OrderByDescending(b => b.Right))
        {
            if (run.Count > 0 && b.Right < left - maxGap) break;
            run.Add(b);
            left = Math.Min(left, b.X);
        }

        return run;
    }

    /// <summary>
    /// The upper line's boxes with a character glued to the plate's top rim set free: on a two-line plate the upper line
    /// stands close under the top edge (~10 of 170 mm), so a class digit touching the rim or the plate's corner — a
    /// pixel of blur or JPEG is enough, on a real camera as in the benchmark — is one component with it, taller than
    /// the line and reaching above its other characters' tops (bench scene 616: the 1 of 41 glued to the plate's
    /// top-right corner, 28 px tall against 16). Such a component's columns are cut again from just above the line's
    /// top (the median top of its other characters) down, which leaves the rim above the cut and the character below.
    /// </summary>
    private static List<GlyphBox> FreedFromTopRim(RectifiedLine line, double threshold, List<GlyphBox> boxes, List<GlyphBox> tall, int left, int right)
    {
        if (tall.Count < 2) return tall;
        int lineTop = tall.Select(b => b.Y).Order().ElementAt(tall.Count / 2);
        // Glued: a box as tall as the main line whose top stands clearly above the upper line's (3 px: more than the
        // line's own ragged tops, a pixel of blur or JPEG either way). The cut starts 2 px above the line's top, so the
        // character's own top row stays below it while the rim, further up, is left out.
        var glued = boxes.Where(b => b.Height > 0.85 * H && b.Y < lineTop - 3 && b.Bottom >= RectifiedLine.MainTop - 12 && b.Width <= 1.2 * H).ToList();
        if (glued.Count == 0 || lineTop - 2 <= 0) return tall;
        var freed = GlyphSegmenter.Segment(line, threshold, lineTop - 2, RectifiedLine.MainTop - 1, 3)
            .Where(b => b.X >= left && b.Right <= right && glued.Any(g => b.X >= g.X && b.Right <= g.Right)
                && IsUpperLineCharacter(b) && b.Width >= 0.2 * b.Height)
            .ToList();
        return freed.Count == 0 ? tall : [.. tall.Concat(freed).OrderBy(b => b.X)];
    }

    // A box of the upper line's size standing on its baseline: the upper line's characters are ~0.6 of the main line's
    // height and end just above it; a taller box is glued to something (the rim, FreedFromTopRim), a thinner one is no
    // character.
    private static bool IsUpperLineCharacter(GlyphBox b) => b.Bottom >= RectifiedLine.MainTop - 12 && b.Height >= 0.4 * H && b.Height <= 0.85 * H && b.Width > 2;

    /// <summary>
    /// Width, in its own heights, from which the upper line's last box is two class digits glued together and is cut in two.
    /// A digit is ~0.6 of its height wide (a 0 or a blurred one up to ~0.8); two digits glued with the narrow gap between
    /// them ~1.0–1.3: at 1.2, a far green plate's 36 glued into a box 20 px wide and 19 tall stayed one box, and the
    /// upper line was not found (bench scene 1287).
    /// </summary>
    private const double MinGluedDigitPair = 0.95;

    /// <summary>A two-line plate's upper line: the region name and the two class digits.</summary>
    internal sealed record Upper(GlyphBox Region, GlyphBox[] Digits);

    // A two-line plate's upper line: its two rightmost digit-sized boxes are the class digits, what is left of them at
    // their height the region name. The upper line's characters are ~0.6 of the main line's height; a thin line a
    // character tall (the plate's rim, a frame's edge) is no digit, and the region name's parts are not all near the
    // main line (the ㄱ and ㅏ of 강 sit above its ㅇ), so they are taken by their overlap with the digits' rows.
    private static Upper? UpperLine(RectifiedLine line, double threshold, KoreanLayoutHypothesis hyp) => UpperLine(line, threshold, hyp.Hangul, hyp.Trailing);

    /// <summary>
    /// The upper line over a main line whose class Hangul and four trailing digits are at <paramref name="hangul"/> and
    /// <paramref name="trailing"/> (the glyph reader's boxes, or the line network's places for them,
    /// <see cref="UpperStripPlaces"/>), or null where the strip holds no region name and two class digits.
    /// </summary>
    public static Upper? UpperLine(RectifiedLine line, GlyphBox hangul, IReadOnlyList<GlyphBox> trailing)
    {
        GlyphSegmenter.SegmentMain(line, out double threshold, MinBoxHeight);
        return UpperLine(line, threshold, hangul, trailing);
    }

    private static Upper? UpperLine(RectifiedLine line, double threshold, GlyphBox hangul, IReadOnlyList<GlyphBox> trailing)
    {
        double pitch = (trailing[^1].CentreX - trailing[0].CentreX) / 3;
        int left = (int)(hangul.X - (1.2 * pitch)), right = (int)(trailing[^1].Right + (0.6 * pitch));
        var boxes = GlyphSegmenter.Segment(line, threshold, 0, RectifiedLine.MainTop - 1, 3)
            .Where(b => b.X >= left && b.Right <= right && b.Width >= 2 && b.Width >= 0.2 * b.Height).ToList();
        var tall = boxes.Where(IsUpperLineCharacter).ToList();
        tall = FreedFromTopRim(line, threshold, boxes, tall, left, right);
        // The two class digits glued into one box (blur, JPEG; they are small and close): cut in two.
        if (tall.Count >= 2 && tall[^1] is var pair && pair.Width >= MinGluedDigitPair * pair.Height && pair.Width <= 2.2 * pair.Height)
        {
            (GlyphBox first, GlyphBox second) = GlyphSegmenter.SplitPair(line, threshold, pair);
            tall[^1] = first;
            tall.Add(second);
        }

        if (tall.Count < 2) return null;
        // The line's height is the median of its tall boxes' (a region name's part glued to the rim is taller).
        int topHeight = tall.Select(b => b.Height).Order().ElementAt(tall.Count / 2);
        var digits = tall.Where(b => b.Height >= 0.7 * topHeight && b.Height <= 1.3 * topHeight && b.Width <= 1.0 * topHeight).TakeLast(2).ToArray();
        if (digits.Length < 2 || digits[1].CentreX - digits[0].CentreX > 1.5 * topHeight) return null;
        int rowTop = Math.Min(digits[0].Y, digits[1].Y), rowBottom = Math.Max(digits[0].Bottom, digits[1].Bottom);
        // All of the name's parts, however small (the ㅇ under 강): its box is what the classifier learnt.
        var regionParts = boxes.Where(b => b.Right <= digits[0].X
            && Math.Min(b.Bottom, rowBottom) - Math.Max(b.Y, rowTop) >= 0.5 * b.Height).ToList();
        // The name is one run of parts leftwards from the digits: a speck of the rim or dirt further left is not part of it.
        regionParts = ContiguousLeftwards(regionParts, 0.6 * topHeight);
        if (regionParts.Count == 0) return null;
        GlyphBox region = GlyphBox.Union(regionParts);
        if (region.Width < 1.0 * topHeight || region.Width > 3.5 * topHeight) return null;
        return new Upper(region, digits);
    }
}
