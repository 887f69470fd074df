using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The 8-connected components of a small binary band (a rectified line's ink), as boxes and ink areas, labelled by runs:
/// each row's runs of ink are found with vectorised span searches and joined to the runs of the row above that touch them
/// (union-find). A rectified line's band holds a few hundred runs, so this costs a fraction of OpenCV's labelling, which
/// visits every pixel and writes a label image, stats and centroids nobody reads (the segmenter cuts ~4 bands a row,
/// ~50 a frame). The components come in OpenCV's order (<c>ConnectedComponentsWithStats</c>, Spaghetti or Grana, both
/// labelling 2×2 blocks in raster order with the smaller label kept on a merge): by the first 2×2 block each touches, in
/// block rows then block columns — the segmenter sorts them by left edge with an unstable sort, so ties keep that order.
/// </summary>
internal static class RunComponents
{
    /// <summary>The components of <paramref name="binary"/> (8-bit, one channel; non-zero is ink): box and pixel count each.</summary>
    public static List<(GlyphBox Box, int Ink)> Find(Mat binary) => Find(binary, out _);

    /// <summary>
    /// The components of <paramref name="binary"/> as <see cref="Find(Mat)"/> gives them, and <paramref name="pixels"/>:
    /// which pixels each holds (for the few a caller looks into, as it would into OpenCV's label image).
    /// </summary>
    public static List<(GlyphBox Box, int Ink)> Find(Mat binary, out ComponentPixels pixels)
    {
        if (binary.Type() != MatType.CV_8UC1 || !binary.IsContinuous())
        {
            throw new ArgumentException($"run components: expected a continuous 8-bit one-channel image, got {binary.Type()}", nameof(binary));
        }

        int width = binary.Cols, height = binary.Rows;
        ReadOnlySpan<byte> image = binary.AsSpan<byte>();
        var runs = new Runs(Math.Max(16, height * 8));
        int previousStart = 0, previousEnd = 0;
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = image.Slice(y * width, width);
            int start = runs.Count;
            int x = 0;
            while (x < width)
            {
                int first = row[x..].IndexOfAnyExcept((byte)0);
                if (first < 0) break;
                int x0 = x + first;
                int length = row[x0..].IndexOf((byte)0);
                int x1 = length < 0 ? width - 1 : x0 + length - 1;
                int index = runs.Add(y, x0, x1);
                // Runs of the row above touching this one, 8-connected: overlapping or meeting at a corner.
                for (int p = previousStart; p < previousEnd; p++)
                {
                    if (runs.X1[p] < x0 - 1) continue;
                    if (runs.X0[p] > x1 + 1) break;
                    runs.Union(p, index);
                }

                x = x1 + 1;
            }

            previousStart = start;
            previousEnd = runs.Count;
        }

        // Per root: box, ink and the first 2×2 block (block row, then block column).
        int blockColumns = (width + 1) / 2;
        var rootOf = new int[runs.Count];
        var components = new List<(long Order, int Root, int Left, int Top, int Right, int Bottom, int Ink)>();
        var slot = new Dictionary<int, int>();
        for (int r = 0; r < runs.Count; r++)
        {
            int root = runs.Find(r);
            rootOf[r] = root;
            int y = runs.Y[r], x0 = runs.X0[r], x1 = runs.X1[r];
            long order = ((long)(y / 2) * blockColumns) + (x0 / 2);
            if (!slot.TryGetValue(root, out int s))
            {
                slot[root] = components.Count;
                components.Add((order, root, x0, y, x1, y, x1 - x0 + 1));
                continue;
            }

            var c = components[s];
            components[s] = (Math.Min(c.Order, order), root, Math.Min(c.Left, x0), Math.Min(c.Top, y), Math.Max(c.Right, x1), Math.Max(c.Bottom, y), c.Ink + (x1 - x0 + 1));
        }

        // Block order; two components cannot share a first block (its ink is 8-connected), so the order is total.
        components.Sort((a, b) => a.Order.CompareTo(b.Order));
        var result = new List<(GlyphBox Box, int Ink)>(components.Count);
        foreach (var c in components) result.Add((new GlyphBox(c.Left, c.Top, c.Right - c.Left + 1, c.Bottom - c.Top + 1), c.Ink));

        // Each run under its component's index in that order (a counting sort of the runs by component).
        var indexOfRoot = new Dictionary<int, int>(components.Count);
        for (int k = 0; k < components.Count; k++) indexOfRoot[components[k].Root] = k;
        var firstRun = new int[components.Count + 1];
        var componentOf = new int[runs.Count];
        for (int r = 0; r < runs.Count; r++)
        {
            componentOf[r] = indexOfRoot[rootOf[r]];
            firstRun[componentOf[r] + 1]++;
        }

        for (int k = 0; k < components.Count; k++) firstRun[k + 1] += firstRun[k];
        var byComponent = new int[runs.Count];
        var next = (int[])firstRun.Clone();
        for (int r = 0; r < runs.Count; r++) byComponent[next[componentOf[r]]++] = r;
        pixels = new ComponentPixels(runs, firstRun, byComponent);
        return result;
    }

    /// <summary>The pixels of each component of a <see cref="Find(Mat, out ComponentPixels)"/>, as runs of a row.</summary>
    internal sealed class ComponentPixels
    {
        private readonly Runs _runs;
        private readonly int[] _first;
        private readonly int[] _order;

        internal ComponentPixels(Runs runs, int[] first, int[] order)
        {
            _runs = runs;
            _first = first;
            _order = order;
        }

        /// <summary>How many pixels of component <paramref name="component"/> (its index in the list) lie in <paramref name="area"/>.</summary>
        public int CountIn(int component, Rect area)
        {
            int count = 0;
            for (int k = _first[component]; k < _first[component + 1]; k++)
            {
                int r = _order[k], y = _runs.Y[r];
                if (y < area.Top || y >= area.Bottom) continue;
                count += Math.Max(0, Math.Min(_runs.X1[r] + 1, area.Right) - Math.Max(_runs.X0[r], area.Left));
            }

            return count;
        }

        /// <summary>Component <paramref name="component"/>'s pixels in <paramref name="box"/>, row by row (true: the component's).</summary>
        public bool[] Mask(int component, Rect box)
        {
            var mask = new bool[box.Width * box.Height];
            for (int k = _first[component]; k < _first[component + 1]; k++)
            {
                int r = _order[k], y = _runs.Y[r];
                if (y < box.Top || y >= box.Bottom) continue;
                int x0 = Math.Max(_runs.X0[r], box.Left), x1 = Math.Min(_runs.X1[r] + 1, box.Right);
                if (x1 > x0) Array.Fill(mask, true, ((y - box.Top) * box.Width) + x0 - box.Left, x1 - x0);
            }

            return mask;
        }
    }

    // The runs found so far, in row order, with their union-find parents.
    internal sealed class Runs(int capacity)
    {
        public int[] Y = new int[capacity];
        public int[] X0 = new int[capacity];
        public int[] X1 = new int[capacity];
        private int[] _parent = new int[capacity];

        public int Count { get; private set; }

        public int Add(int y, int x0, int x1)
        {
            if (Count == Y.Length)
            {
                Array.Resize(ref Y, Count * 2);
                Array.Resize(ref X0, Count * 2);
                Array.Resize(ref X1, Count * 2);
                Array.Resize(ref _parent, Count * 2);
            }

            Y[Count] = y;
            X0[Count] = x0;
            X1[Count] = x1;
            _parent[Count] = Count;
            return Count++;
        }

        public int Find(int i)
        {
            while (_parent[i] != i)
            {
                _parent[i] = _parent[_parent[i]];
                i = _parent[i];
            }

            return i;
        }

        public void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb) return;
            if (ra < rb) _parent[rb] = ra;
            else _parent[ra] = rb;
        }
    }
}
