using OpenCvSharp;

namespace EdgeCity.Anpr.Detection;

/// <summary>
/// Finds character-like connected components in a grey frame, dark-on-light and light-on-dark, by comparing each
/// pixel with its local mean (a box the size of a large character), so plate colour and uneven light do not matter.
/// </summary>
internal static class BlobExtractor
{
    /// <summary>Smallest character height searched for, px of the searched image (a far plate's digits at half resolution).</summary>
    public const int MinHeightPx = 6;

    /// <summary>Largest character height searched for, px of the searched image.</summary>
    public const int MaxHeightPx = 80;

    /// <summary>
    /// Blobs of dark (or light) text in <paramref name="grey"/>, given its local means over a box the size of a large
    /// character (<paramref name="wideMean"/>) and over one the size of a small plate's height (<paramref name="narrowMean"/>).
    /// A pixel must also stand out by the same margin from <paramref name="strokeBackground"/>, if given: the image with
    /// every structure narrower than a stroke removed (a grey opening for light text). A plate lighter than the car
    /// around it is lighter than both means along its rim, so for light text (white on green) the rim would be ink and
    /// glue every character touching it (a two-line plate's Hangul) into one plate-sized blob; the opening keeps the
    /// plate's background, rim included, and removes only the strokes.
    /// </summary>
    public static List<CharacterBlob> Extract(Mat grey, Mat wideMean, Mat narrowMean, bool darkText, Mat? mask, Mat? strokeBackground = null)
    {
        using var binary = new Mat();
        // A pixel is ink when it is darker (lighter) than its surroundings by more than 8 grey levels, the surroundings
        // being the lighter (darker) of the two means: the wide one alone is pulled down by the dark car body around a
        // small, far plate, until its grey text is no longer darker than it; the narrow one alone hollows out the
        // thick strokes of a near plate.
        // But never lighter (darker) than the narrow mean by more than 4 levels: a plate darker than the car around it
        // (yellow on a white car, green on a dark one for light text) is darker than the wide mean everywhere, and
        // its background would glue all its characters into one blob; beside a stroke it is lighter than the narrow
        // mean, while a thick stroke's inside is not.
        using (var surround = new Mat())
        using (var local = new Mat())
        {
            if (darkText) Cv2.Max(wideMean, narrowMean, surround);
            else Cv2.Min(wideMean, narrowMean, surround);
            Cv2.Add(surround, Scalar.All(darkText ? -8 : 8), surround);
            Cv2.Compare(grey, surround, binary, darkText ? CmpTypes.LT : CmpTypes.GT);
            Cv2.Add(narrowMean, Scalar.All(darkText ? 4 : -4), surround);
            Cv2.Compare(grey, surround, local, darkText ? CmpTypes.LT : CmpTypes.GT);
            Cv2.BitwiseAnd(binary, local, binary);
            if (strokeBackground is not null)
            {
                Cv2.Add(strokeBackground, Scalar.All(darkText ? -8 : 8), surround);
                Cv2.Compare(grey, surround, local, darkText ? CmpTypes.LT : CmpTypes.GT);
                Cv2.BitwiseAnd(binary, local, binary);
            }
        }

        if (mask is not null) Cv2.BitwiseAnd(binary, mask, binary);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        int count = Cv2.ConnectedComponentsWithStats(binary, labels, stats, centroids, PixelConnectivity.Connectivity8);
        stats.GetArray(out int[] s);
        var blobs = new List<CharacterBlob>(256);
        for (int i = 1; i < count; i++)
        {
            int x = s[i * 5], y = s[(i * 5) + 1], w = s[(i * 5) + 2], h = s[(i * 5) + 3], area = s[(i * 5) + 4];
            bool character = IsCharacter(w, h, area);
            // Wider than a character and sparse: perhaps characters glued to a thin line — the plate's rim, a frame's
            // edge, a scratch — which would hide them all. Try without the thin lines.
            if (IsWideAndSparse(w, h, area) && SplitThinLines(labels, i, new Rect(x, y, w, h), area, blobs))
            {
                continue;
            }

            if (character) blobs.Add(new CharacterBlob(x, y, w, h));
        }

        return blobs;
    }

    private static bool IsWideAndSparse(int w, int h, int area) =>
        w >= 1.2 * h && h >= 2 * MinHeightPx && h <= 2 * MaxHeightPx && w <= 12 * h && area < 0.65 * w * h;

    // Up to 5 heights wide: blur and JPEG glue neighbouring characters together; the row still counts them by width.
    private static bool IsCharacter(int w, int h, int area)
    {
        if (h < MinHeightPx || h > MaxHeightPx || w < 2 || w > h * 5) return false;
        double fill = area / (double)(w * h);
        return fill is >= 0.12 and <= 0.92;
    }

    // Component `label` without its thin lines (a grey opening of its mask, 2×2 and then 3×3): if that leaves at least
    // two characters holding most of its ink, they replace it (and a part still wide and sparse is tried again with the
    // larger opening). A plate's rim or a frame's edge is such a line, and the characters touching it come apart; a
    // character's own strokes are thicker than the rim (if they are not, they vanish with it, and then the component
    // is kept as it was).
    private static bool SplitThinLines(Mat labels, int label, Rect box, int area, List<CharacterBlob> blobs)
    {
        using Mat roi = labels[box];
        using var mask = new Mat();
        Cv2.Compare(roi, Scalar.All(label), mask, CmpTypes.EQ);
        return SplitThinLines(mask, box, area, 2, blobs);
    }

    private const int LargestOpening = 3;

    private static bool SplitThinLines(Mat mask, Rect box, int area, int size, List<CharacterBlob> blobs)
    {
        for (; size <= LargestOpening; size++)
        {
            using var opened = new Mat();
            using var partLabels = new Mat();
            using var stats = new Mat();
            using var centroids = new Mat();
            using Mat kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(size, size));
            Cv2.MorphologyEx(mask, opened, MorphTypes.Open, kernel);
            int count = Cv2.ConnectedComponentsWithStats(opened, partLabels, stats, centroids, PixelConnectivity.Connectivity8);
            stats.GetArray(out int[] s);
            var parts = new List<(Rect Box, int Label, int Area)>();
            int kept = 0;
            for (int i = 1; i < count; i++)
            {
                int x = s[i * 5], y = s[(i * 5) + 1], w = s[(i * 5) + 2], h = s[(i * 5) + 3], a = s[(i * 5) + 4];
                if (!IsCharacter(w, h, a)) continue;
                parts.Add((new Rect(x, y, w, h), i, a));
                kept += a;
            }

            if (parts.Count < 2 || kept < 0.5 * area) continue;
            foreach ((Rect part, int label, int a) in parts)
            {
                if (size < LargestOpening && IsWideAndSparse(part.Width, part.Height, a))
                {
                    using Mat partRoi = partLabels[part];
                    using var partMask = new Mat();
                    Cv2.Compare(partRoi, Scalar.All(label), partMask, CmpTypes.EQ);
                    if (SplitThinLines(partMask, new Rect(box.X + part.X, box.Y + part.Y, part.Width, part.Height), a, size + 1, blobs)) continue;
                }

                blobs.Add(new CharacterBlob(box.X + part.X, box.Y + part.Y, part.Width, part.Height));
            }

            return true;
        }

        return false;
    }
}
