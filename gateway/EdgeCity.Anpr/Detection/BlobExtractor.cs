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
    /// </summary>
    public static List<CharacterBlob> Extract(Mat grey, Mat wideMean, Mat narrowMean, bool darkText, Mat? mask)
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
        binary.Create(grey.Size(), MatType.CV_8UC1);
        InkMap.Compute(grey, wideMean, narrowMean, darkText, contrast: 8, guard: 4, binary);

        if (mask is not null) Cv2.BitwiseAnd(binary, mask, binary);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        // Grana's block-based labelling: the same components, in the same order, in half the time of the default here.
        int count = Cv2.ConnectedComponentsWithStatsWithAlgorithm(binary, labels, stats, centroids, PixelConnectivity.Connectivity8, MatType.CV_32S, ConnectedComponentsAlgorithmsTypes.GRANA);
        stats.GetArray(out int[] s);
        var blobs = new List<CharacterBlob>(256);
        for (int i = 1; i < count; i++)
        {
            int x = s[i * 5], y = s[(i * 5) + 1], w = s[(i * 5) + 2], h = s[(i * 5) + 3], area = s[(i * 5) + 4];
            // Up to 5 heights wide: blur and JPEG glue neighbouring characters together; the row still counts them by width.
            if (h < MinHeightPx || h > MaxHeightPx || w < 2 || w > h * 5) continue;
            double fill = area / (double)(w * h);
            if (fill < 0.12 || fill > 0.92) continue;
            blobs.Add(new CharacterBlob(x, y, w, h));
        }

        return blobs;
    }
}
