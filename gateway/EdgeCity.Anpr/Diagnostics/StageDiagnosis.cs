using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Glyphs;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Diagnostics;

/// <summary>
/// Where a plate whose position and text are known was lost: the pipeline is replayed stage by stage on the rows that
/// lie on the plate, and the furthest stage any of them reached is reported — no row on the plate; a row, but warped
/// crooked or at the wrong scale; segmentation that cannot be aligned with the true text; boxes aligned but a glyph
/// misclassified; every glyph right but the layouts chose another reading; the right reading rejected (confidence,
/// neighbour rule); or read, but suppressed by an overlapping reading. For the benchmark's failure analysis only.
/// </summary>
/// <param name="Stage">The stage that lost the plate (one of the constants).</param>
/// <param name="Detail">What the best row on the plate read, for a human looking at one scene.</param>
internal sealed record StageDiagnosis(string Stage, string Detail)
{
    public const string NoRow = "detect: no row on plate";
    public const string Rectification = "rectify: crooked/scale";
    public const string Segmentation = "segment: boxes≠text";
    public const string Classifier = "classify: glyph wrong";
    public const string Layout = "layout chose wrong";
    public const string Rejected = "right, but rejected";
    public const string Suppressed = "read, but suppressed";

    /// <summary>The stages in pipeline order.</summary>
    public static IReadOnlyList<string> Stages { get; } = [NoRow, Rectification, Segmentation, Classifier, Layout, Rejected, Suppressed];

    internal static StageDiagnosis Run(
        PlateRecognizer recognizer, Mat frame, IReadOnlyList<Point2f> corners, string truth, string layout,
        IGlyphClassifier classifier, LabelSets sets, bool lightText, int maxLines, int minRowCharacters = TextLineFinder.MinCharacters)
    {
        using var grey = new Mat();
        if (frame.Channels() == 1) frame.CopyTo(grey);
        else Cv2.CvtColor(frame, grey, ColorConversionCodes.BGR2GRAY);
        var plate = corners.ToArray();
        float plateHeight = (Distance(plate[0], plate[3]) + Distance(plate[1], plate[2])) / 2;
        var onPlate = LineSource.Find(grey, null, lightText, null, minRowCharacters)
            .OrderBy(l => Math.Abs(l.BlobCount - 8)).Take(maxLines)
            .Where(l => Cv2.PointPolygonTest(plate, new Point2f((l.Left + l.Right) / 2, (l.Top((l.Left + l.Right) / 2) + l.Bottom((l.Left + l.Right) / 2)) / 2), false) >= 0
                        && l.MeanHeight >= 0.25 * plateHeight && l.MeanHeight <= 0.9 * plateHeight)
            .ToList();
        if (onPlate.Count == 0) return NetworkRead(recognizer, frame, plate, truth) ?? new StageDiagnosis(NoRow, "");

        int furthest = -1;
        string detail = "";
        foreach (TextLine line in onPlate)
        {
            using RectifiedLine? rectified = LineRectifier.RectifyRefined(grey, line, lightText);
            if (rectified is null) continue;
            (int stage, string d) = Replay(recognizer, rectified, plate, truth, layout, classifier, sets);
            if (stage > furthest)
            {
                furthest = stage;
                detail = d + FormattableString.Invariant($" [row x {line.Left:F0}-{line.Right:F0} h {line.MeanHeight:F1} of plate {plateHeight:F0} blobs {line.BlobCount} dark {line.DarkText} slopes {line.TopSlope:F2}/{line.BottomSlope:F2}; {onPlate.Count} rows]");
            }
        }

        // The frame's own rows went no further than segmentation: the lines the pipeline read (the network's, the second
        // look's, a body's) may have got further.
        if (furthest <= 2 && NetworkRead(recognizer, frame, plate, truth) is { } network) return network;
        // The glyph reader's right reading refused: the network's, if it read the plate too, was refused by a rule of its own.
        if (furthest == 5 && NetworkRead(recognizer, frame, plate, truth) is { Stage: Rejected } refused) detail = $"{refused.Detail}; glyph reader: {detail}";
        return furthest < 0 ? new StageDiagnosis(Rectification, "no warp") : new StageDiagnosis(Stages[furthest], detail);
    }

    /// <summary>
    /// What the line network read on the lines the pipeline read on the plate (<see cref="PlateRecognizer.NetworkLooks"/>),
    /// where it read the plate's main line whole: the true text itself (lost to the report's rules: "right, but rejected",
    /// its weakest character in the detail) or the main line after another region name (a glyph wrong: the name). The
    /// replay of the frame's own rows (<see cref="Replay"/>) asks only the glyph reader on rows of the half-resolution
    /// search, so a stacked regional plate that the network read but for its ~8-px name was reported lost at "rectify"
    /// or "segment" (rows of the name or a fragment, 6–11 px tall), where the warp and the boxes were not what lost it.
    /// </summary>
    private static StageDiagnosis? NetworkRead(PlateRecognizer recognizer, Mat frame, Point2f[] plate, string truth)
    {
        string tail = MainLine(truth);
        if (tail.Length == 0) return null;
        var onPlate = recognizer.NetworkLooks(frame)
            .Where(l => Cv2.PointPolygonTest(plate, new Point2f(l.Box.X + (l.Box.Width / 2f), l.Box.Y + (l.Box.Height / 2f)), false) >= 0)
            .Where(l => MainLine(l.Reading.Text) == tail)
            .OrderByDescending(l => l.Reading.Text.Length).ThenByDescending(l => l.Reading.Confidence)
            .ToList();
        var right = onPlate.Where(l => l.Reading.Text == truth).ToList();
        if (right.Count > 0)
        {
            LineReading first = right[0].Reading;
            ReadGlyph weakest = first.Glyphs is { Count: > 0 } g ? g.MinBy(x => x.Probability) : default;
            return new StageDiagnosis(Rejected, FormattableString.Invariant($"line network read it, weakest {weakest.Label} {weakest.Probability:F2}; refused by {Fates(right, truth)}"));
        }

        if (onPlate.Count == 0 || truth.Length == tail.Length) return null;
        LineReading wrong = onPlate[0].Reading;
        string name = wrong.Text[..^tail.Length];
        float p = wrong.Glyphs?.FirstOrDefault(x => x.Label == name).Probability ?? 0;
        return new StageDiagnosis(Classifier, FormattableString.Invariant($"line network S:{truth[..^tail.Length]}→S:{(name.Length > 0 ? name : "none")} {p:F2}"));
    }

    // What the report's rules made of each look that read the true text (NetworkLook.Fate), the commonest first:
    // "RegionDispute ×2, reported".
    private static string Fates(IEnumerable<NetworkLook> right, string truth) =>
        string.Join(", ", right.GroupBy(l => l.Fate(truth)).OrderByDescending(f => f.Count())
            .Select(f => f.Count() > 1 ? $"{f.Key} ×{f.Count()}" : f.Key));

    // A Korean plate's text after its region name (the digits, class Hangul and four digits); the whole text otherwise.
    private static string MainLine(string text)
    {
        int first = 0;
        while (first < text.Length && LabelSets.IsHangulSyllable(text[first])) first++;
        return text[first..];
    }

    private static (int Stage, string Detail) Replay(
        PlateRecognizer recognizer, RectifiedLine rectified, Point2f[] plate, string truth, string layout,
        IGlyphClassifier classifier, LabelSets sets)
    {
        if (!Straight(rectified, plate, layout, out string why)) return (1, why);
        List<LabelledGlyph> aligned = layout == LatinLineReader.Layout
            ? LatinLineReader.Align(rectified, truth)
            : KoreanLineReader.Align(rectified, layout, truth);
        var glyphs = aligned.Where(g => g.Label != GlyphClassifier.Junk).ToList();
        if (glyphs.Count == 0) return (2, "");
        var scorer = new GlyphScorer(rectified, classifier);
        scorer.Prepare(glyphs.Select(g => g.Box));
        var wrong = new List<string>();
        foreach (LabelledGlyph g in glyphs)
        {
            IReadOnlyList<int> set = g.Label.StartsWith("S:", StringComparison.Ordinal) ? sets.RegionStacked
                : g.Label.StartsWith("R:", StringComparison.Ordinal) ? sets.RegionSideBySide
                : layout == LatinLineReader.Layout ? sets.Latin
                : char.IsAsciiDigit(g.Label[0]) ? sets.Digits : sets.Hangul;
            string label = scorer.Best(g.Box, set).Label;
            if (label != g.Label) wrong.Add($"{g.Label}→{label}");
        }

        if (wrong.Count > 0) return (3, string.Join(' ', wrong));
        LineReading? best = recognizer.BestReading(rectified);
        if (best is null || best.Text != truth) return (4, best?.Text ?? "nothing");
        return recognizer.Rejection(best) is { } rejection ? (5, rejection) : (6, "");
    }

    // The plate's top and bottom edges, mapped into the warp, must be (nearly) level and span a plausible number of character
    // heights (single-line plates ~1.4, two-line ~2.1): otherwise the warp, not what follows, lost the plate.
    private static bool Straight(RectifiedLine rectified, Point2f[] plate, string layout, out string why)
    {
        using Mat toLine = rectified.ToFrame.Inv();
        Point2f[] p = Homography.Map(plate, toLine);
        const float h = RectifiedLine.CharHeight;
        float tilt = Math.Max(Math.Abs(p[1].Y - p[0].Y), Math.Abs(p[2].Y - p[3].Y));
        float height = ((p[3].Y - p[0].Y) + (p[2].Y - p[1].Y)) / 2 / h;
        (float min, float max) = layout == KoreanLayouts.TwoLineRegion ? (1.6f, 3.0f) : (1.1f, 2.0f);
        why = FormattableString.Invariant($"tilt {tilt:F0}px, plate {height:F2} char heights");
        float width = ((p[1].X - p[0].X) + (p[2].X - p[3].X)) / 2;
        // Level within ~6° (the edges are extrapolated from the text's lines): a residual tilt that small moves a glyph's box by a pixel or two, which segmentation absorbs.
        return tilt <= 0.1f * width && height >= min && height <= max;
    }

    private static float Distance(Point2f a, Point2f b) => MathF.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
