using OpenCvSharp;

namespace EdgeCity.Anpr.Detection;

/// <summary>
/// A second, full-resolution search for text rows in a few small windows of the frame: around what the
/// half-resolution search almost took for a plate — two or three small characters side by side, or a component shaped
/// like a small plate's body. At half resolution a far plate's characters are 5–8 px tall with 1-px strokes: they glue
/// to each other or to the rim, or fade under the ink test's contrast, and never make a row of four; at full resolution
/// they are twice that. Searching the whole frame at full resolution costs ~31 ms; these windows cost a fraction.
/// </summary>
internal static class SecondLook
{
    /// <summary>At most this many windows are searched per frame (light plate shapes first, then glued two-line text, near misses, dark plate shapes).</summary>
    public const int MaxWindows = 6;

    // Rows read per window and polarity (one was tried: the plate's row was not always the one taken; with two, a
    // two-line plate's upper line in pieces made the two rows nearest a plate's count and its main line was not taken).
    private const int RowsPerWindow = 3;

    // Largest window searched, full-resolution px: a plate up to ~150 px wide with its margins (a larger area is
    // no far plate, and would cost what a full-resolution search costs).
    private const int MaxWindowArea = 360 * 160;

    /// <summary>
    /// A window searched again: its box and the part of it a row's centre must lie in, the tallest row taken (frame px),
    /// the text polarities searched, and the plate-shaped parts it was opened or merged around (a plate's body, a two-line
    /// plate's glued text; most plate-like first, none for a window of near misses alone).
    /// </summary>
    internal readonly record struct Window(Rect Box, Rect Core, float MaxRowHeight, bool Dark, bool Light, PlateShape[] Shapes);

    /// <summary>A plate-shaped part of a window: the core a row on it has its centre in, and its tallest such row (frame px).</summary>
    internal readonly record struct PlateShape(Rect Core, float MaxRowHeight)
    {
        public bool Holds(TextLine row)
        {
            float x = (row.Left + row.Right) / 2;
            return row.MeanHeight <= MaxRowHeight && Core.Contains((int)x, (int)((row.Top(x) + row.Bottom(x)) / 2));
        }
    }

    /// <summary>
    /// The full-resolution windows around plate shapes lighter (<paramref name="lightShapes"/>) and darker
    /// (<paramref name="darkShapes"/>) than their surroundings and near misses of dark (<paramref name="darkNearMisses"/>)
    /// and light (<paramref name="lightNearMisses"/>) text, and far two-line plates' light text glued across its lines
    /// (<paramref name="gluedTwoLines"/>, <see cref="GluedTwoLineText"/>), all in px of <paramref name="searched"/>, the frame
    /// <paramref name="scale"/> times smaller; only those with something inside (text), overlapping ones merged, at
    /// most <see cref="MaxWindows"/>.
    /// </summary>
    public static List<Window> Windows(
        Mat searched, List<Rect> lightShapes, List<Rect> darkShapes, List<Rect> darkNearMisses, List<Rect> lightNearMisses, List<Rect> gluedTwoLines, float scale, Size frame)
    {
        var candidates = new List<Window>();
        // A plate's body: its own box and a margin of a third of its height (a rim, a glued character's edge), rows
        // centred on the body, either polarity (a green plate's white text, lighter or darker than the car). First
        // those lighter than the car around them (most plates anywhere), then the near misses, then the darker ones
        // (a green plate on a light car, a yellow one on a white car; but also glass, tyres, shadows: most of these).
        foreach (Rect r in lightShapes.Where(r => HasText(searched, r))) candidates.Add(Shape(r, scale, dark: true, light: true));
        // A far two-line plate's text glued across its lines: as sure a sign of a plate as its body's shape (its rows
        // centred on the cluster, as on a body; the main line is the tallest row there).
        foreach (Rect r in gluedTwoLines.Where(r => HasText(searched, r))) candidates.Add(Shape(r, scale, dark: false, light: true));

        // Two or three characters of a row: the rest of the row may be up to three character heights on either side
        // (a far plate's rows are found in part), a two-line plate's other line a character height above or below.
        foreach (Rect r in darkNearMisses.Where(r => HasText(searched, r))) candidates.Add(NearMiss(r, scale, dark: true));
        foreach (Rect r in lightNearMisses.Where(r => HasText(searched, r))) candidates.Add(NearMiss(r, scale, dark: false));
        foreach (Rect r in darkShapes.Where(r => HasText(searched, r))) candidates.Add(Shape(r, scale, dark: true, light: true));

        var windows = new List<Window>();
        var bounds = new Rect(0, 0, frame.Width, frame.Height);
        foreach (Window c in candidates)
        {
            Rect w = c.Box & bounds;
            if (w.Width < 16 || w.Height < 12) continue;
            int merged = windows.FindIndex(o => (o.Box & w).Width > 0 && (o.Box & w).Height > 0);
            if (merged >= 0)
            {
                Window o = windows[merged];
                Rect union = o.Box | w;
                if (union.Width * union.Height <= MaxWindowArea) windows[merged] = new Window(union, o.Core | c.Core, Math.Max(o.MaxRowHeight, c.MaxRowHeight), o.Dark || c.Dark, o.Light || c.Light, [.. o.Shapes, .. c.Shapes]);
                continue;
            }

            if (w.Width * w.Height > MaxWindowArea || windows.Count >= MaxWindows) continue;
            windows.Add(c with { Box = w });
        }

        return windows;
    }

    // Rows on a plate's body are its text, shorter than the body (a single-line plate's characters are ~0.7 of its
    // height); a row as tall is the body's own edges, or the car's.
    private static Window Shape(Rect r, float scale, bool dark, bool light)
    {
        Rect core = Grow(r, scale, 0, 0);
        float maxRowHeight = 0.85f * r.Height * scale;
        return new(Grow(r, scale, r.Height / 3f, r.Height / 3f), core, maxRowHeight, dark, light, [new PlateShape(core, maxRowHeight)]);
    }

    // Rows beside a near miss are its characters' row, a little taller at most (a glued pair's height is one character's).
    private static Window NearMiss(Rect r, float scale, bool dark)
    {
        Rect box = Grow(r, scale, 3f * r.Height, 1.2f * r.Height);
        return new Window(box, box, 1.6f * r.Height * scale, dark, !dark, []);
    }

    /// <summary>
    /// Rows of text found in <paramref name="windows"/> of the full-resolution <paramref name="grey"/> (light text
    /// only if <paramref name="lightText"/>), leaving out those <paramref name="found"/> already has.
    /// </summary>
    public static List<TextLine> Search(Mat grey, Mat? mask, List<Window> windows, bool lightText, List<TextLine> found)
    {
        var lines = new List<TextLine>();
        var rows = new List<TextLine>();
        foreach (Window window in windows)
        {
            foreach (bool darkText in new[] { true, false })
            {
                if (darkText ? !window.Dark : !(window.Light && lightText)) continue;
                rows.Clear();
                Find(grey, mask, window.Box, darkText, window.Core, rows);
                // At most three rows a window and polarity: a far plate is all a window holds (a two-line plate's upper
                // line is found from its main line), and every row costs a reading (~1 ms).
                lines.AddRange(Ranked(rows.Where(r => r.MeanHeight <= window.MaxRowHeight && !found.Exists(f => Same(f, r)) && !lines.Exists(f => Same(f, r))), window.Shapes)
                    .Take(RowsPerWindow));
            }
        }

        return lines;
    }

    /// <summary>
    /// A window's rows in the order they are taken: those on one of its plate <paramref name="shapes"/> first (the most
    /// plate-like shape's first), then those of a plate's number of characters, as the first search's rows are read; of
    /// those, the tallest (the main line). A window merged from a far plate's body and a car's or a sign's text beside it
    /// has rows of seven or nine pieces off the plate, and the plate's own main line, found in part, has four or five:
    /// ranked by count alone, the three taken were the others'. A window of one shape, or of near misses alone, keeps the
    /// count's order.
    /// </summary>
    internal static IEnumerable<TextLine> Ranked(IEnumerable<TextLine> rows, PlateShape[] shapes) =>
        rows.OrderBy(r => OnShape(shapes, r)).ThenBy(r => Math.Abs(r.BlobCount - 8)).ThenByDescending(r => r.MeanHeight);

    // The first of the shapes a row lies on (its centre in the shape's core, no taller than the shape allows); past the last if none.
    private static int OnShape(PlateShape[] shapes, TextLine row)
    {
        int i = Array.FindIndex(shapes, s => s.Holds(row));
        return i < 0 ? shapes.Length : i;
    }

    private static void Find(Mat grey, Mat? mask, Rect w, bool darkText, Rect core, List<TextLine> rows)
    {
        using Mat crop = grey[w].Clone();
        using Mat? cropMask = mask is null ? null : mask[w].Clone();
        using var mean = new Mat();
        using var narrowMean = new Mat();
        // The same means as the half-resolution search: at full resolution a far plate's characters (12–20 px)
        // are what those boxes were sized for.
        Cv2.Blur(crop, mean, new Size(21, 21), new Point(-1, -1), BorderTypes.Replicate);
        Cv2.Blur(crop, narrowMean, new Size(9, 9), new Point(-1, -1), BorderTypes.Replicate);
        using Mat? strokeBackground = darkText ? null : LineSource.StrokeBackground(crop);
        List<CharacterBlob> blobs = BlobExtractor.Extract(crop, mean, narrowMean, darkText, cropMask, strokeBackground);
        for (int i = 0; i < blobs.Count; i++) blobs[i] = blobs[i] with { X = blobs[i].X + w.X, Y = blobs[i].Y + w.Y };
        foreach (TextLine line in TextLineFinder.Find(blobs, darkText))
        {
            float x = (line.Left + line.Right) / 2;
            if (core.Contains((int)x, (int)((line.Top(x) + line.Bottom(x)) / 2))) rows.Add(line);
        }
    }

    // The same row: one polarity, heights within a third, centres within half a height vertically, overlapping over half the shorter one's length.
    private static bool Same(TextLine a, TextLine b)
    {
        if (a.DarkText != b.DarkText) return false;
        float ha = a.MeanHeight, hb = b.MeanHeight;
        if (Math.Max(ha, hb) > 1.33f * Math.Min(ha, hb)) return false;
        float overlap = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        if (overlap < 0.5f * Math.Min(a.Right - a.Left, b.Right - b.Left)) return false;
        float x = (Math.Max(a.Left, b.Left) + Math.Min(a.Right, b.Right)) / 2;
        float ca = (a.Top(x) + a.Bottom(x)) / 2, cb = (b.Top(x) + b.Bottom(x)) / 2;
        return Math.Abs(ca - cb) <= 0.5f * Math.Min(ha, hb);
    }

    /// <summary>Least standard deviation of grey levels inside a candidate that is looked at again: characters, not a uniform patch.</summary>
    private const double MinInnerDeviation = 8;

    // Something inside the box's middle (its inner two thirds across, half down): a plate's text varies there by tens
    // of grey levels even when too small to be blobs; a uniform light or dark patch (glass, paint, a lamp) does not.
    // And it varies across as well as down: characters have vertical strokes, so the mean grey step between
    // neighbours in a row is at least a fifth of that between neighbours in a column; inside the ink test's halo
    // around a lane marking, a bumper's edge or a window sill — horizontal lines — it is a few times smaller.
    private static bool HasText(Mat searched, Rect r)
    {
        var inner = new Rect(r.X + (r.Width / 6), r.Y + (r.Height / 4), Math.Max(2, r.Width * 2 / 3), Math.Max(2, r.Height / 2));
        inner &= new Rect(0, 0, searched.Cols, searched.Rows);
        if (inner.Width < 2 || inner.Height < 2) return false;
        using Mat roi = searched[inner];
        Cv2.MeanStdDev(roi, out _, out Scalar deviation);
        if (deviation.Val0 < MinInnerDeviation) return false;
        long across = 0, down = 0;
        // Read in place (the searched image is continuous; Mat.At is a native call per pixel, ~0.1 ms a frame here).
        ReadOnlySpan<byte> pixels = searched.AsSpan<byte>();
        int stride = searched.Cols;
        for (int y = inner.Top; y < inner.Bottom; y++)
        {
            for (int x = inner.Left; x < inner.Right; x++)
            {
                int v = pixels[(y * stride) + x];
                if (x + 1 < inner.Right) across += Math.Abs(pixels[(y * stride) + x + 1] - v);
                if (y + 1 < inner.Bottom) down += Math.Abs(pixels[((y + 1) * stride) + x] - v);
            }
        }

        // Per step: a row has width − 1 steps, a column height − 1.
        double meanAcross = across / (double)((inner.Width - 1) * inner.Height), meanDown = down / (double)(inner.Width * (inner.Height - 1));
        return meanAcross >= 0.2 * meanDown;
    }

    private static Rect Grow(Rect r, float scale, float dx, float dy)
    {
        int x = (int)((r.X - dx) * scale), y = (int)((r.Y - dy) * scale);
        return new Rect(x, y, (int)((r.Right + dx) * scale) - x, (int)((r.Bottom + dy) * scale) - y);
    }
}
