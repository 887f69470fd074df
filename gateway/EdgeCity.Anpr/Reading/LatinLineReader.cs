using EdgeCity.Anpr.Glyphs;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Reads a rectified line as a European plate: full-height boxes (the country band is taller and wider and drops out),
/// each classified as a Latin capital or digit or junk; the longest run of real glyphs is the reading.
/// </summary>
internal static class LatinLineReader
{
    public const string Layout = "latin-line";
    private const int H = RectifiedLine.CharHeight;

    public static LineReading? Read(RectifiedLine line, GlyphScorer scorer, LabelSets sets, HangulSignDetector? hangul = null)
    {
        List<GlyphBox> boxes = Glyphs(line, out List<GlyphBox> all, out double threshold);
        if (boxes.Count < 3) return null;
        scorer.Prepare(boxes);
        // Three capitals glued by blur and cut into two too-wide boxes: cut into three where they read so (LatinGluedRun).
        boxes = LatinGluedRun.Recut(line, threshold, boxes, GlyphSegmenter.SegmentMain(line, out _, 0.3, cutGlued: false),
            b => scorer.Best(b, sets.Latin).Probability);
        var labelled = boxes.Select(b => (Box: b, Best: scorer.Best(b, sets.Latin), Junk: sets.JunkIndex < 0 ? (Label: GlyphClassifier.Junk, Probability: 0f) : scorer.Best(b, [sets.JunkIndex]))).ToList();
        // The longest run of boxes that are more glyph than junk.
        int bestStart = 0, bestLength = 0;
        for (int start = 0; start < labelled.Count; start++)
        {
            int length = 0;
            while (start + length < labelled.Count && labelled[start + length].Best.Probability > labelled[start + length].Junk.Probability) length++;
            if (length > bestLength)
            {
                bestStart = start;
                bestLength = length;
            }
        }

        // Doubtful boxes at the ends of the run (the band's edge, a frame corner) are not part of the plate.
        while (bestLength > 0 && labelled[bestStart].Best.Probability < 0.5) { bestStart++; bestLength--; }
        while (bestLength > 0 && labelled[bestStart + bestLength - 1].Best.Probability < 0.5) bestLength--;
        if (bestLength < 3) return null;
        var run = labelled.GetRange(bestStart, bestLength);
        double confidence = LineReading.ConfidenceOf(run.Select(g => (double)g.Best.Probability));
        double score = run.Sum(g => Math.Log(Math.Max(g.Best.Probability, 1e-4) / 0.5));
        var runBoxes = run.Select(g => g.Box).ToList();
        bool leavesOut = LeavesOut(all, runBoxes)
            || labelled.Skip(bestStart + bestLength).Any(g => IsGlyph(g.Best, g.Junk) && g.Box.X - runBoxes[^1].Right < 1.5 * Pitch(runBoxes))
            || SignLineAbove.Covers(line, threshold, runBoxes)
            || NumberSeparator.Between(all, runBoxes)
            || hangul?.IsHangulText(line, all, runBoxes, 1.5 * Pitch(runBoxes)) == true;
        return new LineReading(string.Concat(run.Select(g => g.Best.Label)), Layout, score, confidence, GlyphBox.Union(run.Select(g => g.Box)), run.Min(g => g.Best.Probability), leavesOut,
            run.Select(g => scorer.Read(g.Box, sets.Latin)).ToList());
    }

    // As for Korean plates (KoreanLayouts.Unexplained): a character-sized box a pitch beyond either end of the run is
    // a character the run could not read (a blurred one, or the rest of a sign's text: "24U" of "편의점 24시", whose
    // syllables are wider than a Latin glyph), so the run is part of something longer, not a plate. The gap between an
    // EU plate's groups is under a pitch too. (1.5 pitches, a word space, also lost real plates: measured.)
    private static bool LeavesOut(List<GlyphBox> all, List<GlyphBox> run)
    {
        double height = run.Average(b => b.Height);
        double width = run.Select(b => b.Width).Order().ElementAt(run.Count / 2);
        double pitch = Pitch(run);
        // Not taller than the characters: the country band beside the first one is (it is cut off by the warp, not by its ends).
        bool CharacterLike(GlyphBox b) => b.Width >= 0.3 * width && b.Width <= 2.2 * height && b.Height >= 0.8 * height && b.Height <= 1.15 * height;
        GlyphBox? before = all.Where(b => b.Right <= run[0].X + 1 && CharacterLike(b)).Select(b => (GlyphBox?)b).LastOrDefault();
        GlyphBox? after = all.Where(b => b.X >= run[^1].Right - 1 && CharacterLike(b)).Select(b => (GlyphBox?)b).FirstOrDefault();
        return (before is { } l && run[0].X - l.Right < 0.9 * pitch) || (after is { } r && r.X - run[^1].Right < 0.9 * pitch);
    }

    private static double Pitch(List<GlyphBox> run) =>
        run.Count > 1 ? (run[^1].CentreX - run[0].CentreX) / (run.Count - 1) : run[0].Height * 0.7;

    // A glyph the run stopped short of: a box after a doubtful one (dirt, a pole, a sticker between two characters) that
    // the classifier reads confidently. Beyond a plate's last character there is only its rim and the car, so within a
    // word space of the run such a glyph means the run is part of a longer text (63UDP of 63UDP0). Only to the right:
    // at the left a plate has its country band, whose letters are no glyphs of the plate.
    private static bool IsGlyph((string Label, float Probability) best, (string Label, float Probability) junk) =>
        best.Probability >= 0.5 && best.Probability > junk.Probability;

    public static List<LabelledGlyph> Align(RectifiedLine line, string text)
    {
        List<GlyphBox> boxes = Glyphs(line, out List<GlyphBox> all, out _);
        // Something glyph-sized at either end (a frame edge, the band's country letters) may precede or follow the text:
        // keep the run of the text's length with the most regular heights.
        if (boxes.Count > text.Length && boxes.Count <= text.Length + 2)
        {
            boxes = Enumerable.Range(0, boxes.Count - text.Length + 1)
                .Select(start => boxes.GetRange(start, text.Length))
                .OrderBy(run => run.Max(b => b.Height) - run.Min(b => b.Height)).First();
        }

        if (boxes.Count != text.Length) return [];
        double height = boxes.Average(b => b.Height);
        if (boxes.Any(b => Math.Abs(b.Height - height) > 0.2 * height)) return [];
        var samples = boxes.Select((b, i) => new LabelledGlyph(b, text[i].ToString())).ToList();
        // The rest (the country band, frame edges) teaches the classifier what is not a glyph.
        samples.AddRange(all.Where(b => b.Height >= 0.3 * H && !boxes.Contains(b)).Select(b => new LabelledGlyph(b, GlyphClassifier.Junk)));
        return samples;
    }

    private static List<GlyphBox> Glyphs(RectifiedLine line, out List<GlyphBox> all, out double threshold)
    {
        all = GlyphSegmenter.SegmentMain(line, out threshold, 0.3);
        return all.Where(b => b.Height >= 0.6 * H).Where(b => b.Height <= 1.25 * H && b.Width <= 1.1 * H && b.Y <= RectifiedLine.MainTop + (0.25 * H)).ToList();
    }
}
