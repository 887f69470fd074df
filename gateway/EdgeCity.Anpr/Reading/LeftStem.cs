namespace EdgeCity.Anpr.Reading;

/// <summary>
/// An 8 or 0 of a Latin reading whose left side is a straight upright stroke meeting a square corner is a B or a D.
/// </summary>
/// <remarks>
/// In plate fonts (DIN 1451, FE-Schrift, the UK's, the generator's DejaVu) B and D are drawn from an upright stem whose
/// ends meet the top and bottom bars at right angles; 8 and 0 are rounded at every corner, and an 8's left side comes
/// in at its waist. On a plate seen 20–30° off its axis, or blurred, both readers take B for 8 and D for 0 (14BEP4 read
/// 148EP4, 47BBT6 read 47B8T6, TX085SB read TX085S8), and the EU alphabet allows either. The ink's left edge in ten
/// bands of the glyph's box height (fractions of its width) tells them apart: on the tuning seeds' 8s read right the top
/// and bottom bands' edge is 0.16–0.31 (10th–90th percentile) and the waist's 0.10–0.19; a B's is 0.00–0.13 in every band.
/// Only a box of one glyph's shape is judged: a cut half of a glyph or two glued ones have other edges.
/// </remarks>
internal static class LeftStem
{
    /// <summary>The width-to-height ratios of a box that is one whole glyph (8s and 0s read right: 0.44–0.66, 1st–95th percentile).</summary>
    public const double MinAspect = 0.35, MaxAspect = 0.75;

    /// <summary>A band's left edge this close to the box's left side (fraction of its width) is square, not rounded.</summary>
    public const double SquareEdge = 0.05;

    /// <summary>The most the stem's left edge may wander from the glyph's upper fifth to just below its middle (bands 2–6: an 8's waist, ≥ 0.10 in band 4).</summary>
    public const double StraightStem = 0.09;

    /// <summary>
    /// <paramref name="reading"/> with each 8 or 0 whose glyph shows a left stem (<see cref="HasStem"/>) read as B or D;
    /// the same reading where there is none. <paramref name="boxes"/> are the line's segmented glyph boxes (dark text on
    /// light), <paramref name="threshold"/> their ink threshold.
    /// </summary>
    public static LineReading Correct(RectifiedLine line, LineReading reading, List<GlyphBox> boxes, double threshold)
    {
        if (reading.Glyphs is null || !reading.Text.Any(c => c is '8' or '0')) return reading;
        List<ReadGlyph>? glyphs = null;
        char[] text = reading.Text.ToCharArray();
        for (int k = 0; k < reading.Glyphs.Count && k < text.Length; k++)
        {
            ReadGlyph g = reading.Glyphs[k];
            if (g.Label is not ("8" or "0")) continue;
            // The segmenter's box of this glyph: its centre within the reading's place for it (the line network's places
            // are a token's columns, wider than the glyph).
            float centre = g.Box.X + (g.Box.Width / 2f);
            GlyphBox? box = boxes.Where(b => b.Height >= 0.6 * RectifiedLine.CharHeight && b.CentreX >= g.Box.X && b.CentreX < g.Box.Right).OrderBy(b => Math.Abs(b.CentreX - centre)).Select(b => (GlyphBox?)b).FirstOrDefault();
            if (box is not { } b || !HasStem(Profile(line, b, threshold), (double)b.Width / b.Height)) continue;
            string stem = g.Label == "8" ? "B" : "D";
            glyphs ??= [.. reading.Glyphs];
            glyphs[k] = g with { Label = stem };
            text[k] = stem[0];
        }

        return glyphs is null ? reading : reading with { Text = new string(text), Glyphs = glyphs };
    }

    /// <summary>
    /// Whether a glyph box of <paramref name="aspect"/> (width / height) with this left-edge <paramref name="profile"/>
    /// (<see cref="Profile"/>) has a stem: one whole glyph, a square corner at its top or bottom, and a straight left side
    /// between (no waist).
    /// </summary>
    public static bool HasStem(double[] profile, double aspect)
    {
        if (aspect is < MinAspect or > MaxAspect || profile.Any(v => v < 0)) return false;
        bool squareCorner = Math.Min(profile[0], profile[^1]) <= SquareEdge;
        double[] middle = profile[2..7];
        return squareCorner && middle.Max() - middle.Min() <= StraightStem;
    }

    /// <summary>The ink's left edge in ten bands of <paramref name="box"/>'s height, as fractions of its width (−1: no ink in the band).</summary>
    public static double[] Profile(RectifiedLine line, GlyphBox box, double threshold)
    {
        var profile = new double[10];
        ReadOnlySpan<byte> grey = line.Grey.AsSpan<byte>();
        int rowCount = line.Grey.Rows, cols = line.Grey.Cols;
        for (int band = 0; band < 10; band++)
        {
            int y0 = box.Y + (box.Height * band / 10), y1 = Math.Max(y0 + 1, box.Y + (box.Height * (band + 1) / 10));
            double sum = 0;
            int rows = 0;
            for (int y = Math.Max(0, y0); y < y1 && y < rowCount; y++)
            {
                for (int x = Math.Max(0, box.X); x < box.Right && x < cols; x++)
                {
                    if (grey[(y * cols) + x] < threshold)
                    {
                        sum += x - box.X;
                        rows++;
                        break;
                    }
                }
            }

            profile[band] = rows == 0 ? -1 : sum / rows / Math.Max(1, box.Width);
        }

        return profile;
    }
}
