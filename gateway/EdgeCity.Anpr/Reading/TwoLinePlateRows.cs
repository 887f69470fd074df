using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A two-line plate found as two rows: its upper line (a region name and two class digits, 충북56) as one row and its
/// main line (a class Hangul and four digits, 자5806) as another just below it. Each row alone is no valid plate, and
/// the main line's own upper strip can be cut short by its warp (its upper slopes are guessed from the main line), while
/// the upper line's own row shows it whole — on a real camera frame as much as in the benchmark, since the upper line's
/// characters are a row of blobs of their own. Only the line network's readings are paired, each surer than its
/// character floor in every character (no glyph confirmation is possible for a half), so a pair is as sure as a plate
/// the network reads alone.
/// </summary>
internal static class TwoLinePlateRows
{
    /// <summary>
    /// One row's reading of half a two-line plate and its frame box; <paramref name="Row"/>: the half's own line in the
    /// frame (its characters' top and bottom lines, <see cref="RowOf"/>), from which an upper half's main line is found
    /// (<see cref="MainLineBelow"/>).
    /// </summary>
    internal readonly record struct Half(LineReading Reading, Rect Box, bool Upper, TextLine? Row = null);

    /// <summary>
    /// The frame row of a reading whose characters fill the main band of <paramref name="rectified"/> between
    /// <paramref name="extent"/>'s columns: the band's top and bottom rows mapped back to the frame (a homography maps
    /// straight lines to straight lines, so the row keeps the warp's perspective).
    /// </summary>
    public static TextLine RowOf(RectifiedLine rectified, GlyphBox extent, bool darkText)
    {
        Point2f[] p = Homography.Map(
        [
            new Point2f(extent.X, RectifiedLine.MainTop), new Point2f(extent.Right, RectifiedLine.MainTop),
            new Point2f(extent.X, RectifiedLine.MainBottom), new Point2f(extent.Right, RectifiedLine.MainBottom),
        ], rectified.ToFrame);
        static (float Intercept, float Slope) Through(Point2f a, Point2f b)
        {
            float slope = Math.Abs(b.X - a.X) < 1e-3f ? 0 : (b.Y - a.Y) / (b.X - a.X);
            return (a.Y - (slope * a.X), slope);
        }

        (float ti, float ts) = Through(p[0], p[1]);
        (float bi, float bs) = Through(p[2], p[3]);
        return new TextLine(darkText, Math.Min(p[0].X, p[2].X), Math.Max(p[1].X, p[3].X), ti, ts, bi, bs, TwoLinePlate.UpperLineCharacters);
    }

    /// <summary>
    /// Where the main line under an upper half read in its own row stands: the upper line's own row fixes the plate's
    /// pencil of lines and its scale (<see cref="TwoLinePlate.MainLineBelow"/>), whatever became of the main line's own
    /// rows — cut short by a pole or tow bar glued to an end character, a Hangul crossed by one, warped with the upper
    /// strip's slopes guessed. On a real camera a plate's two lines are printed in fixed proportions, so the upper line,
    /// read surely, is as good a guide to the main line as the main line's own blobs. Null: not an upper half with a row.
    /// </summary>
    public static TextLine? MainLineBelow(Half half) => half.Upper && half.Row is { } row ? TwoLinePlate.MainLineBelow(row) : null;

    /// <summary>
    /// Where the upper line over a lower half read in its own row stands (<see cref="TwoLinePlate.UpperLineAbove"/>): the
    /// line network reads a main line's warp's upper strip at 0.6 of the main line's scale and with its slopes guessed;
    /// a row of the upper line's own, refitted through its own characters, shows it as the upper halves that read surely
    /// show it. Null: not a lower half with a row.
    /// </summary>
    public static TextLine? UpperLineAbove(Half half) => !half.Upper && half.Row is { } row ? TwoLinePlate.UpperLineAbove(row) : null;

    /// <summary>
    /// The main line's part (a Hangul and four digits) of the line network's reading of a whole two-line plate, as a
    /// lower half, when every one of its characters is at least <paramref name="floor"/> and the reading as a whole is not
    /// (its upper strip, read from the main line's warp with slopes guessed, is the weaker part: 전남 at 0.44 where the
    /// upper line's own row reads 경남 at 1.00). Null otherwise.
    /// </summary>
    public static LineReading? LowerPart(LineReading whole, double floor)
    {
        if (whole.Layout != KoreanLayouts.TwoLineRegion || whole.Glyphs is not { Count: 8 } g || whole.WeakestGlyph >= floor) return null;
        var lower = g.Skip(3).ToList();
        if (lower.Any(x => x.Probability < floor) || IsUpper(whole with { Glyphs = lower }) != false) return null;
        var extent = GlyphBox.Union(lower.Select(x => x.Box).ToList());
        double logSum = lower.Sum(x => Math.Log(Math.Max(x.Probability, 1e-6)));
        return new LineReading(string.Concat(lower.Select(x => x.Label)), "crnn", logSum, Math.Exp(logSum / lower.Count), extent, lower.Min(x => x.Probability), false, lower);
    }

    /// <summary>The half of a two-line plate <paramref name="reading"/> is (null: none), by its glyphs.</summary>
    public static bool? IsUpper(LineReading reading)
    {
        if (reading.Glyphs is not { } g) return null;
        static bool Digit(ReadGlyph x) => x.Label.Length == 1 && char.IsAsciiDigit(x.Label[0]);
        if (g.Count == 3 && g[0].Label.Length == 2 && Digit(g[1]) && Digit(g[2])) return true;
        if (g.Count == 5 && g[0].Label.Length == 1 && LabelSets.IsHangulSyllable(g[0].Label[0]) && g.Skip(1).All(Digit)) return false;
        return null;
    }

    /// <summary>
    /// The plates the halves make: an upper line whose centre stands over the main line, its bottom within half the
    /// main line's height of the main line's top (the gap between a plate's two lines), and no taller than the main line
    /// (its characters are smaller); the text must be one of the region's two-line formats.
    /// </summary>
    public static IEnumerable<PlateReading> Pair(IReadOnlyList<Half> halves, RegionProfile profile)
    {
        foreach (Half lower in halves.Where(h => !h.Upper))
        {
            Rect l = lower.Box;
            Half? best = null;
            foreach (Half upper in halves.Where(h => h.Upper))
            {
                Rect u = upper.Box;
                double cx = u.X + (u.Width / 2.0), cy = u.Y + (u.Height / 2.0);
                if (cx < l.X || cx > l.Right || cy > l.Y + (0.25 * l.Height) || u.Bottom < l.Y - (0.5 * l.Height) || u.Height > 1.2 * l.Height) continue;
                if (best is null || upper.Reading.Confidence > best.Value.Reading.Confidence) best = upper;
            }

            if (best is not { } up) continue;
            string text = up.Reading.Text + lower.Reading.Text;
            if (profile.Validate(text, KoreanLayouts.TwoLineRegion) is not { Layout: KoreanLayouts.TwoLineRegion } format) continue;
            // The whole reading's confidence is the geometric mean over all its characters, as for one row's reading.
            int nu = up.Reading.Glyphs!.Count, nl = lower.Reading.Glyphs!.Count;
            double confidence = Math.Exp(((nu * Math.Log(up.Reading.Confidence)) + (nl * Math.Log(lower.Reading.Confidence))) / (nu + nl));
            Rect box = up.Box | l;
            yield return new PlateReading(text, Math.Round(confidence, 3), box.X, box.Y, box.Width, box.Height, format.Name);
        }
    }
}
