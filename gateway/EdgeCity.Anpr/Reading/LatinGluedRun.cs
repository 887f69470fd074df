namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Three Latin letters glued into one component, cut into two: <see cref="GlyphSegmenter"/> cuts a glued run until each
/// part is no wider than a Hangul syllable (0.95 of a character height), but a Latin capital is about half that wide, so
/// three capitals glued by blur (MHH of 78MHH1, CUG of 35CUG1) come out as two boxes each about 1.6 characters wide. The
/// classifier reads each of those confidently as one letter (M and H, C and G) and the line network's CTC merges the
/// run too, so both readers agree on a plate a character short. That is a property of the cut's width limit, not of
/// the renderer: any tightly spaced Latin plate blurred at a low resolution glues so.
/// <para>
/// Here the line's separate character boxes give the width of its characters; a glued component whose parts are each
/// at least <see cref="MinTooWide"/> of that width is cut again into one more part, at its columns of least ink near
/// the equal-width places, and the new parts stand where each is a character of the line's width (at most
/// <see cref="MaxPartWidth"/> of it) that the classifier reads surely (<see cref="MinPartProbability"/>). The width
/// decides, not the classifier's sureness: it reads the two too-wide parts as surely as the three right ones (0.94 and
/// 0.93 for C and G of CUG, 0.95, 0.91 and 0.93 for C, U and G).
/// </para>
/// </summary>
internal static class LatinGluedRun
{
    /// <summary>
    /// Least width of each part of the old cut, in the line's character widths: 1.7–1.9 on the glued runs found (MHH,
    /// CUG); a wide letter alone (M, W) is ~1.2–1.4 of a digit.
    /// </summary>
    public const double MinTooWide = 1.55;

    /// <summary>Most width of each part of the new cut, in the line's character widths.</summary>
    public const double MaxPartWidth = 1.3;

    /// <summary>Least classifier probability of each part of the new cut.</summary>
    public const float MinPartProbability = 0.6f;

    /// <summary>Least count of separate character boxes on the line that give its character width.</summary>
    private const int MinSeparateCharacters = 2;

    /// <summary>
    /// <paramref name="boxes"/> (the line's character boxes, left to right) with each glued run of
    /// <paramref name="uncut"/> (the line's components before glued runs were cut) that the cut left too wide cut
    /// again into one more part, where each new part is a character wide and the classifier reads it surely
    /// (<paramref name="best"/>: a box's best Latin label's probability); <paramref name="boxes"/> itself otherwise.
    /// </summary>
    public static List<GlyphBox> Recut(RectifiedLine line, double threshold, List<GlyphBox> boxes, IEnumerable<GlyphBox> uncut,
        Func<GlyphBox, float> best)
    {
        var glued = uncut.Where(GlyphSegmenter.IsGluedRun).ToList();
        if (glued.Count == 0) return boxes;
        var separate = boxes.Where(b => !glued.Any(u => Inside(b, u))).Select(b => (double)b.Width).ToList();
        if (separate.Count < MinSeparateCharacters) return boxes;
        double width = UpperMedian.Of(separate);
        List<GlyphBox>? result = null;
        foreach (GlyphBox run in glued)
        {
            var parts = boxes.Where(b => Inside(b, run)).ToList();
            if (parts.Count == 0 || parts.Any(p => p.Width < MinTooWide * width)) continue;
            int count = parts.Count + 1;
            if (run.Width / (double)count > MaxPartWidth * width) continue;
            List<GlyphBox> cut = Cut(line, threshold, run, count);
            if (cut.Any(p => p.Width > MaxPartWidth * width || p.Height < 0.6 * RectifiedLine.CharHeight)) continue;
            if (cut.Any(p => best(p) < MinPartProbability)) continue;
            result ??= [.. boxes];
            int at = result.IndexOf(parts[0]);
            result.RemoveRange(at, parts.Count);
            result.InsertRange(at, cut);
        }

        return result ?? boxes;
    }

    // A box of the line that is a part of the glued component: its centre within the component's columns.
    private static bool Inside(GlyphBox box, GlyphBox run) => box.CentreX >= run.X && box.CentreX < run.Right;

    /// <summary>
    /// <paramref name="run"/> cut into <paramref name="count"/> parts at the columns with least ink (binarised at
    /// <paramref name="threshold"/>) within an eighth of a part of each equal-width place (wider, the cut finds the
    /// valleys inside an M), each part shrunk to its ink's rows.
    /// </summary>
    public static List<GlyphBox> Cut(RectifiedLine line, double threshold, GlyphBox run, int count)
    {
        double step = run.Width / (double)count;
        int reach = Math.Max(1, (int)(step / 8));
        var windows = new List<(int From, int To, int Prefer)>(count - 1);
        for (int k = 1; k < count; k++)
        {
            int centre = (int)Math.Round(k * step);
            windows.Add((Math.Max(1, centre - reach), Math.Min(run.Width - 2, centre + reach) + 1, centre));
        }

        return GlyphSegmenter.CutAtLeastInk(line, threshold, run, windows);
    }
}
