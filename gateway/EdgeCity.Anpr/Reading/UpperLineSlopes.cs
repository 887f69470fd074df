using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The slopes of a two-line plate's main line, fitted through its upper line's characters too. Every horizontal line of a
/// flat plate — the main line's top and bottom, the upper line's top and bottom — passes through one vanishing point, so
/// a line's slope is a linear function of its height in the frame. Two lines one character height apart fix that
/// function poorly (a pixel off at either end of a short row tilts the warp a few degrees), and the upper strip, 1.2
/// character heights above, is where the error is largest: its region name and class digits came out crooked or cut. The
/// upper line's own tops and bottoms, two more lines of the same pencil further up, make it an interpolation.
/// </summary>
internal static class UpperLineSlopes
{
    private const int H = RectifiedLine.CharHeight;

    /// <summary>
    /// The upper line's characters in <paramref name="first"/> (a warp of the row) above <paramref name="run"/>, the main
    /// line's full-height characters: at least three boxes of one height, 0.4–0.85 of a main character, right above the
    /// main line and level in the warp; empty when there is no such line (a single-line plate: its rim, the car above it).
    /// </summary>
    public static List<GlyphBox> Find(RectifiedLine first, double threshold, List<GlyphBox> run)
    {
        int left = run[0].X - (H / 2), right = run[^1].Right + (H / 2);
        var boxes = GlyphSegmenter.Segment(first, threshold, 0, RectifiedLine.MainTop - 1, 3)
            .Where(b => b.X >= left && b.Right <= right && b.Height >= 0.4 * H && b.Height <= 0.85 * H && b.Bottom >= RectifiedLine.MainTop - 12)
            .ToList();
        if (boxes.Count < 3) return [];
        // One height: a region name's short part (the ㅇ under 강) or a speck of the rim is not on the line's top and bottom.
        int median = boxes.Select(b => b.Height).Order().ElementAt(boxes.Count / 2);
        boxes = boxes.Where(b => b.Height >= 0.82 * median && b.Height <= 1.2 * median).ToList();
        if (boxes.Count < 3) return [];
        // Spread across the plate (region name to class digits), not a cluster at one end.
        if (boxes[^1].CentreX - boxes[0].CentreX < 0.4 * (run[^1].CentreX - run[0].CentreX)) return [];
        // Level in the first warp (which the main line alone already made nearly so) and straight: a line of text, not
        // the car's edges or a grille's slats the eraser left.
        foreach (Func<GlyphBox, float> edge in new Func<GlyphBox, float>[] { b => b.Y, b => b.Bottom })
        {
            (double slope, double rms) = LevelFit(boxes, edge);
            if (Math.Abs(slope) > 0.12 || rms > 1.5) return [];
        }

        return boxes;
    }

    /// <summary>
    /// The main line's top and bottom slopes re-estimated through the pencil of all four lines (frame points of the main
    /// line's tops and bottoms and the upper line's);
    /// each line keeps its height at the main line's centre.
    /// </summary>
    public static (float TopSlope, float BottomSlope) Pencil(Point2f[] mainTops, Point2f[] mainBottoms, Point2f[] upperTops, Point2f[] upperBottoms)
    {
        float xc = mainTops.Average(p => p.X);
        var lines = new[] { mainTops, mainBottoms, upperTops, upperBottoms }.Select(points =>
        {
            (float intercept, float slope) = LineFit.Fit(points);
            float mean = points.Average(p => p.X);
            // A slope's weight is the inverse of its variance: points × their spread along the line.
            double weight = points.Sum(p => (p.X - mean) * (double)(p.X - mean));
            return (Y: intercept + (slope * xc), Slope: (double)slope, Weight: weight);
        }).ToArray();
        double w = lines.Sum(l => l.Weight);
        if (w <= 0) return ((float)lines[0].Slope, (float)lines[1].Slope);
        double yBar = lines.Sum(l => l.Weight * l.Y) / w, sBar = lines.Sum(l => l.Weight * l.Slope) / w;
        double syy = lines.Sum(l => l.Weight * (l.Y - yBar) * (l.Y - yBar)), sys = lines.Sum(l => l.Weight * (l.Y - yBar) * (l.Slope - sBar));
        double g = syy <= 0 ? 0 : sys / syy;
        return ((float)(sBar + (g * (lines[0].Y - yBar))), (float)(sBar + (g * (lines[1].Y - yBar))));
    }

    private static (double Slope, double Rms) LevelFit(List<GlyphBox> boxes, Func<GlyphBox, float> edge)
    {
        Point2f[] points = boxes.Select(b => new Point2f(b.CentreX, edge(b))).ToArray();
        (float intercept, float slope) = LineFit.Fit(points);
        double rms = Math.Sqrt(points.Average(p => (p.Y - intercept - (slope * p.X)) * (double)(p.Y - intercept - (slope * p.X))));
        return (slope, rms);
    }
}
