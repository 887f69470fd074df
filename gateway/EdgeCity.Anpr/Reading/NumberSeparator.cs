namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A comma between two characters of a Latin run, sitting on the baseline and hanging below it, makes the run a number
/// written out on a sign (a price's 2,000 read as H2000 with the syllable before it): plates hold no punctuation on
/// their baseline — their separators (a hyphen, a seal, a bolt) sit at mid-height, and below the characters is the
/// plate's bare margin.
/// </summary>
internal static class NumberSeparator
{
    /// <summary>Whether one of <paramref name="all"/>'s boxes is such a comma in a gap between two of <paramref name="run"/>'s glyphs.</summary>
    public static bool Between(List<GlyphBox> all, List<GlyphBox> run)
    {
        double height = run.Average(b => b.Height);
        double bottom = run.Average(b => b.Y + b.Height);
        for (int i = 0; i + 1 < run.Count; i++)
        {
            GlyphBox left = run[i], right = run[i + 1];
            foreach (GlyphBox b in all)
            {
                // In the gap, small (a comma: a dot with a tail), its top in the characters' lower third, its tail
                // below their baseline.
                if (b.X < left.Right - 1 || b.Right > right.X + 1) continue;
                if (b.Width > 0.35 * height || b.Height < 0.15 * height || b.Height > 0.5 * height) continue;
                if (b.Y < bottom - (0.4 * height) || b.Y + b.Height < bottom + (0.05 * height)) continue;
                return true;
            }
        }

        return false;
    }
}
