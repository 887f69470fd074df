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

    /// <summary>Blobs of dark (or light) text in <paramref name="grey"/>, given its local mean (a box the size of a large character).</summary>
    public static List<CharacterBlob> Extract(Mat grey, Mat localMean, bool darkText, Mat? mask)
    {
        using var binary = new Mat();
        // A pixel is ink when it is darker (lighter) than its surroundings by more than 8 grey levels.
        using (var shifted = new Mat())
        {
            Cv2.Add(localMean, Scalar.All(darkText ? -8 : 8), shifted);
            Cv2.Compare(grey, shifted, binary, darkText ? CmpTypes.LT : CmpTypes.GT);
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
            // Up to 5 heights wide: blur and JPEG glue neighbouring characters together; the row still counts them by width.
            if (h < MinHeightPx || h > MaxHeightPx || w < 2 || w > h * 5) continue;
            double fill = area / (double)(w * h);
            if (fill < 0.12 || fill > 0.92) continue;
            blobs.Add(new CharacterBlob(x, y, w, h));
        }

        return blobs;
    }
}
