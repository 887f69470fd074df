using OpenCvSharp;

namespace EdgeCity.Anpr.Detection;

/// <summary>
/// A far two-line plate's light text as the half-resolution search sees it: a cluster of blobs of mixed heights. On a
/// green plate ~60–80 px wide the main line is ~8 px tall at half resolution and the upper line (region name, class
/// digits) ~5 px, a pixel or two above it; white strokes and the white rim glue across that gap, so the text comes out
/// as pieces spanning both lines, one line, or a few characters — no row of four, no near miss of two small characters
/// side by side, no plate-shaped body (the glued pieces are nearly square). Touching pieces whose union is shaped like
/// a two-line plate's text are where the second look finds the main line whole at full resolution (<see cref="SecondLook"/>).
/// </summary>
internal static class GluedTwoLineText
{
    /// <summary>Fewest glued pieces: the two lines' characters do not glue into fewer than three at this scale (bench scenes 1287, 1711, 1802, 1926, 864: 3–6).</summary>
    private const int MinPieces = 3;

    /// <summary>Tallest piece, px of the searched image: a far plate's both lines glued (a nearer plate's lines make rows of their own).</summary>
    private const int MaxPieceHeightPx = 24;

    /// <summary>
    /// Width over height of the cluster: a two-line plate's text is ~2.1 times as wide as both lines are tall (294 × 142
    /// mm), less when turned (yaw to 35°) or with its rim's pieces above and below; up to 3 with the rim's ends beside it.
    /// Single-line text of four or more characters is at least ~2.8 of its height long, but it makes a row of its own.
    /// </summary>
    private const float MinAspect = 1.2f, MaxAspect = 3f;

    /// <summary>
    /// Boxes of clusters of <paramref name="blobs"/> (px of the searched image) that may be a far two-line plate's text:
    /// at least <see cref="MinPieces"/> pieces, each touching another (boxes at most a stroke apart — a third of the
    /// smaller's height — across and down), as tall as both lines of a small plate (2 to 4 minimum character heights)
    /// and no wider than a small plate looked at again.
    /// </summary>
    public static List<Rect> Find(List<CharacterBlob> blobs)
    {
        var pieces = blobs.Where(b => b.Height <= MaxPieceHeightPx).OrderBy(b => b.X).ToList();
        List<List<CharacterBlob>> clusters = BlobClusters.Group(pieces, a => a.Right + MaxPieceHeightPx, static (a, b) =>
        {
            float gap = Math.Min(a.Height, b.Height) / 3f;
            return b.X <= a.Right + gap && b.Y <= a.Y + a.Height + gap && a.Y <= b.Y + b.Height + gap;
        });

        var found = new List<Rect>();
        foreach (List<CharacterBlob> cluster in clusters.Where(c => c.Count >= MinPieces))
        {
            int left = cluster.Min(b => b.X), top = cluster.Min(b => b.Y);
            int width = cluster.Max(b => b.X + b.Width) - left, height = cluster.Max(b => b.Y + b.Height) - top;
            if (height < 2 * BlobExtractor.MinHeightPx || height > 4 * BlobExtractor.MinHeightPx || width > BlobExtractor.SmallPlateMaxWidthPx) continue;
            if (width < MinAspect * height || width > MaxAspect * height) continue;
            found.Add(new Rect(left, top, width, height));
        }

        return found;
    }
}
