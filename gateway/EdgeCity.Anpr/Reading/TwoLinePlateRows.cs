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
    /// <summary>One row's reading of half a two-line plate and its frame box.</summary>
    internal readonly record struct Half(LineReading Reading, Rect Box, bool Upper);

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
