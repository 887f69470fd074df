using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The place of an older plate's stacked region name (서울 of 서울32자6493: two small syllables one above the other,
/// together about a character tall) just before the first of two leading digits. A 12가3456 reading with ink of that
/// shape there is the tail of a regional plate whose region was not read as a whole — the name's syllables are small
/// and thin, so one of them is often lost to the threshold or glued to the plate's rim — and reporting it would give
/// a valid-looking, wrong plate (32자6493). The slot box is not shown to the glyph classifier's "not a glyph" veto:
/// the network is weakest on exactly these boxes (a half name, a name at a small scale), and calls most of them junk.
/// </summary>
internal static class StackedRegionSlot
{
    /// <summary>
    /// The box of the ink in the stacked region's place before <paramref name="firstDigit"/>, or null: the union of the
    /// boxes of <paramref name="all"/> (its syllables, or their parts: 대구 comes apart in pieces) ending left of the digit
    /// at most 1.3 pitches from it (the gap the stacked layout allows) and starting no more than 2.6 pitches before it;
    /// at least 0.4 of the digit's height (one syllable of the pair), its middle within the digit's rows (a bolt above
    /// the line is not), and from a third of a digit's width to a pitch and a third wide (a frame edge or the rim is
    /// narrower; the car wider).
    /// </summary>
    public static GlyphBox? Find(List<GlyphBox> all, GlyphBox firstDigit, double pitch, double digitWidth)
    {
        var parts = all.Where(b => InPlace(b, firstDigit, pitch)).ToList();
        return parts.Count == 0 ? null : Shaped(GlyphBox.Union(parts), firstDigit, pitch, digitWidth);
    }

    private static bool InPlace(GlyphBox b, GlyphBox firstDigit, double pitch) =>
        b.Right <= firstDigit.X + 1 && firstDigit.X - b.Right < 1.3 * pitch && b.X >= firstDigit.X - (2.6 * pitch) && b.Width >= 3;

    private static GlyphBox? Shaped(GlyphBox box, GlyphBox firstDigit, double pitch, double digitWidth)
    {
        double middle = box.Y + (box.Height / 2.0);
        bool shaped = box.Height >= 0.4 * firstDigit.Height && box.Height <= 1.25 * firstDigit.Height
            && middle > firstDigit.Y && middle < firstDigit.Bottom
            && box.Width >= Math.Max(3, 0.35 * digitWidth) && box.Width <= 1.3 * pitch;
        return shaped ? box : null;
    }

    /// <summary>
    /// The stacked region's place binarised on its own, for a name too faint for the line's threshold: its strokes are
    /// thinner than the digits' and blur lighter (부산 beside 28사7886 stays grey where the digits are black). The
    /// place's own Otsu threshold must separate ink at least <see cref="FaintContrast"/> of the first digit's contrast
    /// (a plain margin has only noise) and be thin strokes (dirt is a blob), and the ink, less what runs on above or
    /// below it (the rim, a frame's edge), must have the shape <see cref="Find"/> asks for.
    /// </summary>
    public static GlyphBox? FindFaint(RectifiedLine line, GlyphBox firstDigit, double pitch, double digitWidth)
    {
        int x0 = Math.Max(0, (int)(firstDigit.X - (2.4 * pitch))), x1 = firstDigit.X - 1;
        int y0 = Math.Max(0, firstDigit.Y - 3), y1 = Math.Min(RectifiedLine.Rows, firstDigit.Bottom + 3);
        if (x1 - x0 < 0.5 * pitch || firstDigit.Width < 3) return null;
        using Mat window = line.Grey[new Rect(x0, y0, x1 - x0, y1 - y0)];
        using Mat digit = line.Grey[firstDigit.ToRect()];
        using var ink = new Mat();
        using var digitInk = new Mat();
        Cv2.Threshold(window, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        Cv2.Threshold(digit, digitInk, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        if (Contrast(window, ink) < FaintContrast * Contrast(digit, digitInk)) return null;
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        int count = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids, PixelConnectivity.Connectivity8);
        stats.GetArray(out int[] st);
        var parts = new List<GlyphBox>();
        using var partInk = new Mat(ink.Size(), MatType.CV_8UC1, Scalar.All(0));
        using var one = new Mat();
        for (int i = 1; i < count; i++)
        {
            int x = st[i * 5], y = st[(i * 5) + 1], w = st[(i * 5) + 2], h = st[(i * 5) + 3], area = st[(i * 5) + 4];
            var b = new GlyphBox(x0 + x, y0 + y, w, h);
            if (area < 6 || h < 3 || y == 0 || y + h >= y1 - y0 || !InPlace(b, firstDigit, pitch)) continue;
            parts.Add(b);
            Cv2.Compare(labels, i, one, CmpTypes.EQ);
            Cv2.BitwiseOr(partInk, one, partInk);
        }

        return parts.Count == 0 || !Strokes(partInk) ? null : Shaped(GlyphBox.Union(parts), firstDigit, pitch, digitWidth);
    }

    /// <summary>How much of the first digit's ink-to-background contrast a faint region's ink must have.</summary>
    public const double FaintContrast = 0.3;

    // Thin strokes, as a small name's are (two or three pixels at this scale): a 3×3 erosion leaves under 40 % of them. A
    // smudge of dirt, a shadow or the car's edge is a blob, and most of it survives.
    private static bool Strokes(Mat ink)
    {
        int before = Cv2.CountNonZero(ink);
        if (before == 0) return false;
        using var eroded = new Mat();
        Cv2.Erode(ink, eroded, null);
        return Cv2.CountNonZero(eroded) < 0.4 * before;
    }

    // Mean grey of the background less that of the ink.
    private static double Contrast(Mat grey, Mat ink)
    {
        using var background = new Mat();
        Cv2.BitwiseNot(ink, background);
        if (Cv2.CountNonZero(ink) == 0 || Cv2.CountNonZero(background) == 0) return 0;
        return Cv2.Mean(grey, background).Val0 - Cv2.Mean(grey, ink).Val0;
    }
}
