namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Enumerates the plausible <see cref="KoreanLayoutHypothesis"/> of a main line from its boxes: the four trailing
/// digits anchored at one of the last three full-height boxes, 0–3 full-height boxes inside the Hangul, 0/2/3 leading
/// digits, optionally a stacked region box before them. Geometry alone rules out most; the classifier picks among the rest.
/// </summary>
internal static class KoreanLayouts
{
    public const string DigitsHangulDigits = "digits-hangul-digits";
    public const string StackedRegion = "stacked-region";
    public const string TwoLineRegion = "two-line-region";

    public static List<KoreanLayoutHypothesis> Enumerate(List<GlyphBox> all, IReadOnlyList<string> layouts)
    {
        const int h = RectifiedLine.CharHeight;
        var tall = all.Where(b => b.Height >= 0.62 * h && b.Width <= 1.05 * h && b.Y < RectifiedLine.MainTop + (0.3 * h)).ToList();
        var result = new List<KoreanLayoutHypothesis>();
        for (int e = tall.Count - 1; e >= 3 && e >= tall.Count - 3; e--)
        {
            var trailing = tall.GetRange(e - 3, 4);
            (double pitch, double pitchPenalty) = Pitch(trailing);
            if (pitch < 0.3 * h || pitch > 1.3 * h) continue;
            double digitWidth = trailing.Max(b => b.Width);
            for (int m = 0; m <= 3; m++)
            {
                int hangulFirst = e - 3 - m;
                if (hangulFirst < 0) break;
                foreach (int k in new[] { 2, 3, 0 })
                {
                    string layout = k == 0 ? TwoLineRegion : DigitsHangulDigits;
                    int leadFirst = hangulFirst - k;
                    if (leadFirst < 0) continue;
                    if (m == 0 && k == 0) continue;
                    var leading = tall.GetRange(leadFirst, k);
                    int leftBound = k > 0 ? leading[^1].Right : hangulFirst > 0 ? tall[hangulFirst - 1].Right : (int)(trailing[0].X - (2.6 * pitch));
                    leftBound = Math.Max(leftBound, (int)(trailing[0].X - (2.6 * pitch)));
                    var parts = all.Where(b => b.X >= leftBound - 1 && b.Right <= trailing[0].X + 1 && b.Height >= 0.25 * h).ToList();
                    if (parts.Count == 0) continue;
                    GlyphBox hangul = GlyphBox.Union(parts);
                    if (hangul.Width < 0.6 * digitWidth || hangul.Width > 1.9 * pitch || hangul.Height < 0.6 * h) continue;
                    double penalty = pitchPenalty + Consistency(leading, pitch, trailing) + Spacing(leading, hangul, trailing, pitch);
                    if (penalty > 3) continue;
                    if (layouts.Contains(layout))
                    {
                        (double unexplained, List<GlyphBox> leftOut) = Unexplained(tall, leadFirst, e, pitch, trailing);
                        // Two leading digits with a stacked region's ink before them: the tail of a regional plate.
                        GlyphBox? slot = k == 2 ? StackedRegionSlot.Find(all, leading[0], pitch, digitWidth) : null;
                        if (slot is not null && !leftOut.Contains(slot.Value)) unexplained += UnexplainedNeighbourPenalty;
                        result.Add(new KoreanLayoutHypothesis(layout, leading, hangul, trailing, null, penalty + unexplained, unexplained > 0, leftOut, slot));
                    }

                    if (k == 2 && leadFirst >= 1 && layouts.Contains(StackedRegion))
                    {
                        GlyphBox region = tall[leadFirst - 1];
                        double gap = leading[0].X - region.Right;
                        // The region sits close to the first digit; a narrow first digit (a 1) centred in its cell
                        // leaves a wider gap, so the gap is allowed up to 1.3 pitches.
                        if (gap > -2 && gap < 1.3 * pitch && region.Width < 1.3 * pitch)
                        {
                            (double unexplained, List<GlyphBox> leftOut) = Unexplained(tall, leadFirst - 1, e, pitch, trailing);
                            result.Add(new KoreanLayoutHypothesis(StackedRegion, leading, hangul, trailing, region, penalty + unexplained, unexplained > 0, leftOut));
                        }
                    }

                    // A stacked region found only in parts (a syllable lost to the threshold or glued to the rim, a name in
                    // pieces): its place, as tall as the first digit, read as a whole.
                    if (k == 2 && layouts.Contains(StackedRegion) && StackedRegionSlot.Find(all, leading[0], pitch, digitWidth) is { } part
                        && !(leadFirst >= 1 && tall[leadFirst - 1] == part))
                    {
                        int top = Math.Min(part.Y, leading[0].Y), bottom = Math.Max(part.Bottom, leading[0].Bottom);
                        var region = new GlyphBox(part.X, top, part.Width, bottom - top);
                        // A part of the name it reads (the right half of 대전, apart from its left half) is not left out.
                        int regionFirst = leadFirst;
                        while (regionFirst > 0 && tall[regionFirst - 1].X >= region.X && tall[regionFirst - 1].Right <= region.Right) regionFirst--;
                        (double unexplained, List<GlyphBox> leftOut) = Unexplained(tall, regionFirst, e, pitch, trailing);
                        result.Add(new KoreanLayoutHypothesis(StackedRegion, leading, hangul, trailing, region, penalty + unexplained, unexplained > 0, leftOut));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Penalty for each character-sized box right beside a reading but not part of it.</summary>
    public const double UnexplainedNeighbourPenalty = 2.0;

    // A plate's characters run at one pitch from its first to its last, so a full-height, character-wide box a pitch
    // beyond either end is almost always a character the reading left out: the last digit of a two-line plate when the
    // trailing four were anchored one box too far left, or the stacked region of 서울32자6493 when it is read as the
    // (valid) 32자6493. Bolts and dirt are shorter or further away; a frame's edge the classifier calls no glyph.
    // The boxes are returned too: the reader asks the glyph classifier whether each looks like a glyph at all.
    private static (double Penalty, List<GlyphBox> Boxes) Unexplained(List<GlyphBox> tall, int first, int last, double pitch, List<GlyphBox> trailing)
    {
        double height = trailing.Average(d => d.Height);
        // As tall as the reading's character at that end (or as the trailing digits): a plate turned away from the camera
        // is not always warped quite flat, and its far end's characters stay smaller than its near end's (397배6293 read
        // as 97배6293 beside a 3 of 27 px against trailing digits of 34).
        // Narrow boxes too (a 1 is a third of a digit's width; the reader asks the classifier whether each is a glyph),
        // unless they cross the band's top or bottom edge: a frame's edge or a pole runs on above and below the line.
        double typicalWidth = trailing.Select(d => d.Width).Order().ElementAt(2);
        bool CharacterLike(GlyphBox b, GlyphBox end) => b.Height >= 0.8 * Math.Min(height, end.Height)
            && (b.Width >= 0.5 * typicalWidth || (b.Width >= 0.3 * typicalWidth && b.Y > RectifiedLine.MainTop - 3 && b.Bottom < RectifiedLine.Rows));
        var boxes = new List<GlyphBox>(2);
        if (first >= 1 && CharacterLike(tall[first - 1], tall[first]) && tall[first].X - tall[first - 1].Right < 0.9 * pitch) boxes.Add(tall[first - 1]);
        if (last + 1 < tall.Count && CharacterLike(tall[last + 1], tall[last]) && tall[last + 1].X - tall[last].Right < 0.9 * pitch) boxes.Add(tall[last + 1]);
        return (boxes.Count * UnexplainedNeighbourPenalty, boxes);
    }

    // The trailing digits' mean centre spacing and how irregular it is.
    private static (double Pitch, double Penalty) Pitch(List<GlyphBox> digits)
    {
        double pitch = (digits[^1].CentreX - digits[0].CentreX) / (digits.Count - 1);
        double penalty = 0;
        for (int i = 1; i < digits.Count; i++) penalty += Math.Abs(digits[i].CentreX - digits[i - 1].CentreX - pitch) / pitch;
        double meanHeight = digits.Average(d => d.Height);
        penalty += digits.Sum(d => Math.Abs(d.Height - meanHeight) / meanHeight);
        return (pitch, penalty);
    }

    // Leading digits: the same pitch and height as the trailing ones.
    private static double Consistency(List<GlyphBox> leading, double pitch, List<GlyphBox> trailing)
    {
        double penalty = 0;
        double height = trailing.Average(d => d.Height);
        for (int i = 0; i < leading.Count; i++)
        {
            penalty += 1.5 * Math.Abs(leading[i].Height - height) / height;
            if (i > 0) penalty += Math.Abs(leading[i].CentreX - leading[i - 1].CentreX - pitch) / pitch;
        }

        return penalty;
    }

    // The Hangul sits about a pitch (plus a little) from its neighbours.
    private static double Spacing(List<GlyphBox> leading, GlyphBox hangul, List<GlyphBox> trailing, double pitch)
    {
        double penalty = 0;
        double right = trailing[0].CentreX - hangul.CentreX;
        penalty += Math.Max(0, Math.Abs(right - (1.25 * pitch)) - (0.35 * pitch)) / pitch;
        if (leading.Count > 0)
        {
            double left = hangul.CentreX - leading[^1].CentreX;
            penalty += Math.Max(0, Math.Abs(left - (1.2 * pitch)) - (0.4 * pitch)) / pitch;
        }

        return penalty;
    }
}
