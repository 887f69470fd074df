using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Whether a Latin run is the lower half of a line of larger characters: a sign's Hangul (정류장 cut at its final
/// consonants ㅇ ㅠ ㅇ reads as C57TC5) has, right above the run, stroke-like ink a good part of a character tall
/// over most of its glyphs. Above a European plate's characters there is the plate's margin and its rim (a wide, thin
/// line), then the car or a frame — large and solid, or wide: nothing stroke-like and glyph-sized that close.
/// </summary>
internal static class SignLineAbove
{
    private const int H = RectifiedLine.CharHeight;

    /// <summary>True when at least half of <paramref name="run"/>'s glyphs (and two) have such ink above them.</summary>
    public static bool Covers(RectifiedLine line, double threshold, List<GlyphBox> run)
    {
        int runTop = run.Select(b => b.Y).Order().ElementAt(run.Count / 2);
        int bottom = Math.Min(runTop - 1, RectifiedLine.MainTop);
        if (bottom < H / 2) return false;
        using Mat binary = GlyphSegmenter.Ink(line, threshold, 0, bottom);
        var above = new List<GlyphBox>();
        foreach ((GlyphBox c, int area) in GlyphSegmenter.Components(binary))
        {
            int y = c.Y, w = c.Width, h = c.Height;
            // Ending within a third of a character above the run, at least a third of a character tall, no wider than a
            // syllable's upper half with its bar (고's ㄱ and ㅗ) and made of strokes (a car body or a shadow above the
            // plate is solid; the plate's rim is flat, and with a frame's sides it is a plate wide).
            if (y + h < runTop - (H / 3) || h < 0.35 * H || w > 2.5 * H || w < 3 || area > 0.6 * w * h) continue;
            above.Add(c);
        }

        int covered = run.Count(g => above.Any(a => Math.Min(a.Right, g.Right) - Math.Max(a.X, g.X) > 0.3 * g.Width));
        return covered >= 2 && covered * 2 >= run.Count;
    }
}
