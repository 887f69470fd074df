using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Warps the quadrilateral around a <see cref="TextLine"/> (its fitted top and bottom lines, extended left, right and
/// upwards in proportion to the local character height) to a flat <see cref="RectifiedLine"/>. Because the top and
/// bottom lines are fitted separately, the warp undoes the perspective of a plate turned up to ±30° as well as roll.
/// </summary>
internal static class LineRectifier
{
    /// <summary>Extra width at the left, in character heights (room for a stacked region name).</summary>
    public const float LeftExtension = 1.1f;

    /// <summary>Extra width at the right, in character heights.</summary>
    public const float RightExtension = 0.35f;

    /// <summary>
    /// Rectifies twice: the row found at half resolution is warped, its full-height characters are located in the warp,
    /// and top and bottom lines fitted through them in frame pixels give the final, sub-pixel accurate warp.
    /// </summary>
    public static RectifiedLine? RectifyRefined(Mat frameGrey, TextLine line)
    {
        RectifiedLine? first = Rectify(frameGrey, line);
        if (first is null) return null;
        TextLine? refined = Refine(first, line);
        if (refined is null) return first;
        RectifiedLine? second = Rectify(frameGrey, refined);
        if (second is null) return first;
        first.Dispose();
        return second;
    }

    private static TextLine? Refine(RectifiedLine rectified, TextLine line)
    {
        const int h = RectifiedLine.CharHeight;
        int textLeft = (int)(LeftExtension * h), textRight = rectified.Width - (int)(RightExtension * h);
        double threshold = GlyphSegmenter.MainThreshold(rectified, textLeft, textRight);
        var tall = GlyphSegmenter.Segment(rectified, threshold, RectifiedLine.MainTop - 4, RectifiedLine.Rows, (int)(0.6 * h))
            .Where(b => b.Height <= 1.25 * h && b.Width <= 1.05 * h && b.X >= textLeft - (0.6 * h)).ToList();
        if (tall.Count < 3) return null;
        var tops = tall.Select(b => new Point2f(b.CentreX, b.Y)).ToArray();
        var bottoms = tall.Select(b => new Point2f(b.CentreX, b.Bottom)).ToArray();
        Point2f[] frameTops = Cv2.PerspectiveTransform(tops, rectified.ToFrame);
        Point2f[] frameBottoms = Cv2.PerspectiveTransform(bottoms, rectified.ToFrame);
        (float ti, float ts) = Fit(frameTops);
        (float bi, float bs) = Fit(frameBottoms);
        var refined = line with { TopIntercept = ti, TopSlope = ts, BottomIntercept = bi, BottomSlope = bs };
        float ratio = refined.MeanHeight / line.MeanHeight;
        return ratio is > 0.7f and < 1.4f ? refined : null;
    }

    private static (float Intercept, float Slope) Fit(Point2f[] points)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (Point2f p in points)
        {
            sx += p.X; sy += p.Y; sxx += p.X * (double)p.X; sxy += p.X * (double)p.Y;
        }

        int n = points.Length;
        double d = (n * sxx) - (sx * sx);
        double slope = Math.Abs(d) < 1e-6 ? 0 : Math.Clamp(((n * sxy) - (sx * sy)) / d, -0.35, 0.35);
        return ((float)((sy - (slope * sx)) / n), (float)slope);
    }

    public static RectifiedLine? Rectify(Mat frameGrey, TextLine line)
    {
        float h0 = line.MeanHeight;
        float xl = line.Left - (LeftExtension * h0), xr = line.Right + (RightExtension * h0);
        float scale = RectifiedLine.CharHeight / h0;
        int width = (int)MathF.Round((xr - xl) * scale);
        if (width < 40 || width > 1200) return null;

        // Rows above the main line's top and below its bottom, as fractions of the local character height.
        const float up = (float)RectifiedLine.MainTop / RectifiedLine.CharHeight;
        const float down = (float)RectifiedLine.Margin / RectifiedLine.CharHeight;
        Point2f Corner(float x, bool top) => new(x, top ? line.Top(x) - (up * line.HeightAt(x)) : line.Bottom(x) + (down * line.HeightAt(x)));

        Point2f[] source = [Corner(xl, true), Corner(xr, true), Corner(xr, false), Corner(xl, false)];
        Point2f[] target = [new(0, 0), new(width, 0), new(width, RectifiedLine.Rows), new(0, RectifiedLine.Rows)];
        using Mat toLine = Cv2.GetPerspectiveTransform(source, target);
        Mat toFrame = Cv2.GetPerspectiveTransform(target, source);
        var grey = new Mat();
        Cv2.WarpPerspective(frameGrey, grey, toLine, new Size(width, RectifiedLine.Rows), InterpolationFlags.Linear, BorderTypes.Replicate);
        if (!line.DarkText) Cv2.BitwiseNot(grey, grey);
        return new RectifiedLine(grey, toFrame);
    }
}
