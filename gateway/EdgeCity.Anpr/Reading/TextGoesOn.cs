using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Whether a Latin reading's text goes on right after its last character: a glyph-wide box made of strokes, as tall as
/// the characters or up to 1.45 times taller, within half a pitch of the reading's end. After a plate's last character
/// come its body's bare margin, then the rim (a thin line, or with the frame's corners a hollow bracket) and the car
/// (solid); after a sign's number or word comes more of its text — a price's 원 after "2,000" (H2000 of 1시간 2,000원:
/// the syllable 1.2–1.3 times as tall as the Latin digits, so the run's own left-out test, which looks for boxes of its
/// characters' height, let it pass) —, and after a plate read short of its last character, that character (ZV163D of
/// ZV163DX). Asked of the reading either reader reports, on the boxes the glyph reader cuts.
/// </summary>
internal static class TextGoesOn
{
    private const int H = RectifiedLine.CharHeight;

    /// <summary>
    /// True when such a box stands right of <paramref name="reading"/>'s extent on <paramref name="line"/>, whose main-line
    /// segmentation (<see cref="GlyphSegmenter.SegmentMain"/>, at 0.3 of a character) is <paramref name="all"/> at
    /// <paramref name="threshold"/>.
    /// </summary>
    public static bool After(RectifiedLine line, LineReading reading, List<GlyphBox> all, double threshold)
    {
        GlyphBox extent = reading.Extent;
        // The reading's own characters: the full-height boxes centred inside its extent.
        var run = all.Where(b => b.CentreX >= extent.X && b.CentreX <= extent.Right && b.Height >= 0.6 * H).ToList();
        if (run.Count == 0 || reading.Text.Length == 0) return false;
        double height = run.Select(b => b.Height).Order().ElementAt(run.Count / 2);
        double pitch = (double)extent.Width / reading.Text.Length;
        int end = run.Max(b => b.Right);
        // The line's ink only once a box stands in the place (most readings have none there).
        Mat? ink = null;
        try
        {
            foreach (GlyphBox b in all)
            {
                if (b.X < end - 1 || b.X - end >= 0.5 * pitch) continue;
                ink ??= GlyphSegmenter.Ink(line, threshold, 0, RectifiedLine.Rows);
                if (!IsTextLike(b, height, Fill(ink, b))) continue;
                return true;
            }

            return false;
        }
        finally
        {
            ink?.Dispose();
        }
    }

    /// <summary>
    /// A glyph's or syllable's shape against characters <paramref name="height"/> px tall: 0.5–1.3 of that wide, 0.8–1.45
    /// of it tall, a quarter to nine tenths of its box inked (strokes: a rim's hollow corner is less, the car's body more).
    /// </summary>
    internal static bool IsTextLike(GlyphBox b, double height, double fill) =>
        b.Width >= 0.5 * height && b.Width <= 1.3 * height && b.Height >= 0.8 * height && b.Height <= 1.45 * height
        && fill >= 0.25 && fill <= 0.9;

    private static double Fill(Mat ink, GlyphBox b)
    {
        Rect r = b.ToRect() & new Rect(0, 0, ink.Cols, ink.Rows);
        if (r.Width <= 0 || r.Height <= 0) return 0;
        using Mat part = ink[r];
        return Cv2.CountNonZero(part) / (double)(r.Width * r.Height);
    }
}
