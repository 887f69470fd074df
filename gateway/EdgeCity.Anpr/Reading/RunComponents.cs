using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The 8-connected components of a small binary band (a rectified line's ink), as boxes and ink areas, labelled by runs:
/// each row's runs of ink are found with vectorised span searches and joined to the runs of the row above that touch them
/// (<see cref="InkRuns"/>). A rectified line's band holds a few hundred runs, so this costs a fraction of OpenCV's labelling, which
/// visits every pixel and writes a label image, stats and centroids nobody reads (the segmenter cuts ~4 bands a row,
/// ~50 a frame). The components come in OpenCV's order (<c>ConnectedComponentsWithStats</c>, Spaghetti or Grana, both
/// labelling 2×2 blocks in raster order with the smaller label kept on a merge): by the first 2×2 block each touches, in
/// block rows then block columns — the segmenter sorts them by left edge with an unstable sort, so ties keep that order.
/// </summary>
internal static class RunComponents
{
    /// <summary>The components of <paramref name="binary"/> (8-bit, one channel; non-zero is ink): box and pixel count each.</summary>
    public static List<(GlyphBox Box, int Ink)> Find(Mat binary) => Find(binary, withPixels: false, out _);

    /// <summary>
    /// The components of <paramref name="binary"/> as <see cref="Find(Mat)"/> gives them, and <paramref name="pixels"/>:
    /// which pixels each holds (for the few a caller looks into, as it would into OpenCV's label image).
    /// </summary>
    public static List<(GlyphBox Box, int Ink)> Find(Mat binary, out ComponentPixels pixels)
    {
        List<(GlyphBox Box, int Ink)> components = Find(binary, withPixels: true, out ComponentPixels? found);
        pixels = found!;
        return components;
    }

    private static List<(GlyphBox Box, int Ink)> Find(Mat binary, bool withPixels, out ComponentPixels? pixels)
    {
        if (binary.Type() != MatType.CV_8UC1 || !binary.IsContinuous())
        {
            throw new ArgumentException($"run components: expected a continuous 8-bit one-channel image, got {binary.Type()}", nameof(binary));
        }

        InkRuns runs = Label(binary);

        // Per root: box, ink and the first 2×2 block (block row, then block column).
        int blockColumns = (binary.Cols + 1) / 2;
        var rootOf = new int[runs.Count];
        var slot = new int[runs.Count]; // a root's place in components; a root is a run's index
        var components = new List<(long Order, int Root, int Left, int Top, int Right, int Bottom, int Ink)>();
        for (int r = 0; r < runs.Count; r++)
        {
            int root = runs.Find(r);
            rootOf[r] = root;
            int y = runs.Y[r], x0 = runs.X0[r], x1 = runs.X1[r];
            long order = ((long)(y / 2) * blockColumns) + (x0 / 2);
            // Runs come in row order and a root is its component's first run: the root's own run opens its slot.
            if (root == r)
            {
                slot[root] = components.Count;
                components.Add((order, root, x0, y, x1, y, x1 - x0 + 1));
                continue;
            }

            int s = slot[root];
            var c = components[s];
            components[s] = (Math.Min(c.Order, order), root, Math.Min(c.Left, x0), Math.Min(c.Top, y), Math.Max(c.Right, x1), Math.Max(c.Bottom, y), c.Ink + (x1 - x0 + 1));
        }

        // Block order; two components cannot share a first block (its ink is 8-connected), so the order is total.
        components.Sort((a, b) => a.Order.CompareTo(b.Order));
        var result = new List<(GlyphBox Box, int Ink)>(components.Count);
        foreach (var c in components) result.Add((new GlyphBox(c.Left, c.Top, c.Right - c.Left + 1, c.Bottom - c.Top + 1), c.Ink));
        pixels = null;
        if (!withPixels) return result;

        // Each run under its component's index in that order (a counting sort of the runs by component).
        for (int k = 0; k < components.Count; k++) slot[components[k].Root] = k;
        var firstRun = new int[components.Count + 1];
        var componentOf = new int[runs.Count];
        for (int r = 0; r < runs.Count; r++)
        {
            componentOf[r] = slot[rootOf[r]];
            firstRun[componentOf[r] + 1]++;
        }

        for (int k = 0; k < components.Count; k++) firstRun[k + 1] += firstRun[k];
        var byComponent = new int[runs.Count];
        var next = (int[])firstRun.Clone();
        for (int r = 0; r < runs.Count; r++) byComponent[next[componentOf[r]]++] = r;
        pixels = new ComponentPixels(runs, firstRun, byComponent);
        return result;
    }

    // Every run of ink, joined to the runs of the row above it touches, 8-connected: overlapping or meeting at a corner.
    private static InkRuns Label(Mat binary)
    {
        int width = binary.Cols, height = binary.Rows;
        ReadOnlySpan<byte> image = binary.AsSpan<byte>();
        var runs = new InkRuns(Math.Max(16, height * 8));
        int previousStart = 0, previousEnd = 0;
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = image.Slice(y * width, width);
            int start = runs.Count;
            // The runs above ending left of this run's reach end left of the next run's too: they are passed once a row.
            int above = previousStart;
            int x = 0;
            while (InkRuns.Next(row, x, out int x0, out int end))
            {
                int x1 = end - 1;
                int index = runs.Add(y, x0, x1);
                while (above < previousEnd && runs.X1[above] < x0 - 1) above++;
                for (int p = above; p < previousEnd && runs.X0[p] <= x1 + 1; p++) runs.Union(p, index);
                x = end;
            }

            previousStart = start;
            previousEnd = runs.Count;
        }

        return runs;
    }
}
