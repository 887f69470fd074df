using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A plate's body found around a row of its characters: the quadrilateral of plate-coloured background between the
/// body's top and bottom edges (straight lines, fitted by their own long edges, not through the characters) and its ends
/// (where the body's colour meets the car), and from it the main text line the plate's proportions put inside.
/// </summary>
/// <remarks>
/// Horizontal motion blur (a car crossing the view) glues a plate's characters to each other and to the rim, so the
/// half-resolution blobs give a short or broken row and the warp fitted through them is short, crooked or at the wrong
/// scale; but it leaves the body's top and bottom edges sharp (a horizontal edge is unchanged by horizontal blur) and its
/// ends blurred only by the blur's width. Plates are a standard shape (Korea's single-line 520×110 mm, two-line 335×170
/// mm; the EU's 520×110 mm), so a body of a plate's aspect tells where its text lines are.
/// </remarks>
internal sealed record PlateBody(bool DarkText, bool TwoLine, float Left, float Right, float TopIntercept, float TopSlope, float BottomIntercept, float BottomSlope)
{
    public float Top(float x) => TopIntercept + (TopSlope * x);

    public float Bottom(float x) => BottomIntercept + (BottomSlope * x);

    public float Width => Right - Left;

    public float Height => Bottom((Left + Right) / 2) - Top((Left + Right) / 2);

    /// <summary>
    /// The main text line inside the body: between the fractions of the body's height where the plate's standard layout
    /// puts it (single-line plates: the characters fill the height less a margin of ~0.14 of it above and below; a
    /// two-line plate's main line fills 0.44–0.92 of it, its upper line above), across the body less a small margin.
    /// </summary>
    public TextLine MainLine()
    {
        (float top, float bottom, float side) = TwoLine ? (0.435f, 0.918f, 0.04f) : (0.14f, 0.86f, 0.025f);
        return new TextLine(DarkText, Left + (side * Width), Right - (side * Width), TopIntercept, TopSlope, BottomIntercept, BottomSlope, 7)
            .Band(top, bottom);
    }

    /// <summary>The body moved down by <paramref name="dy"/> px (up where negative).</summary>
    public PlateBody Shifted(float dy) => this with { TopIntercept = TopIntercept + dy, BottomIntercept = BottomIntercept + dy };

    /// <summary>Whether <paramref name="other"/> is the same body (found from another row): every side within 2 px.</summary>
    public bool SameAs(PlateBody other) => TwoLine == other.TwoLine && DarkText == other.DarkText
        && Math.Abs(Left - other.Left) <= 2 && Math.Abs(Right - other.Right) <= 2
        && Math.Abs(Top(Left) - other.Top(Left)) <= 2 && Math.Abs(Top(Right) - other.Top(Right)) <= 2
        && Math.Abs(Bottom(Left) - other.Bottom(Left)) <= 2 && Math.Abs(Bottom(Right) - other.Bottom(Right)) <= 2;

    /// <summary>Width over height of a single-line plate (520×110 mm: 4.7) seen up to ~35° of yaw, with the ends' blur.</summary>
    public const float MinSingleAspect = 3.2f, MaxSingleAspect = 5.6f;

    /// <summary>Width over height of a two-line plate (335×170 mm: 2.0) seen up to ~35° of yaw.</summary>
    public const float MinTwoLineAspect = 1.4f, MaxTwoLineAspect = 2.5f;

    /// <summary>
    /// Where the strips of the body's own colour run, as a fraction of its height from the top and the bottom edge: a
    /// single-line plate's characters leave ~0.14 of it free at each, a two-line plate's ~0.08.
    /// </summary>
    private const float StripInside = 0.06f;

    /// <summary>
    /// Where the strips run in a body <paramref name="height"/> px tall: <see cref="StripInside"/> of it, moved towards
    /// <see cref="StripMinPx"/> inside the edges in a small body (an edge is located to about a pixel and its own
    /// transition, anti-aliased or compressed, is a pixel or two wide: a strip 1.2 px inside a 20 px body samples the
    /// edge, not the body, and the ends' walk stops early), but never past <see cref="StripMaxInside"/> of the height (a
    /// two-line plate's characters start ~0.08 of it in).
    /// </summary>
    private static float StripAt(float height) => Math.Clamp(StripMinPx / height, StripInside, StripMaxInside);

    private const float StripMinPx = 2f, StripMaxInside = 0.08f;

    /// <summary>
    /// The plate-shaped bodies around <paramref name="row"/> (frame pixels) in <paramref name="grey"/>, likeliest first:
    /// each pair of candidate top and bottom edges whose body, bounded by its colour's ends, has a plate's aspect.
    /// </summary>
    /// <param name="grey">The frame.</param>
    /// <param name="row">The row, frame pixels.</param>
    /// <param name="exhaustive">Every candidate edge line scored to the end (<see cref="PlateBodyEdges.Find"/>; the same bodies).</param>
    public static List<PlateBody> Find(Mat grey, TextLine row, bool exhaustive = false)
    {
        var found = new List<PlateBody>();
        float h = row.MeanHeight;
        if (h < 4) return found;
        float xc = (row.Left + row.Right) / 2, yc = (row.Top(xc) + row.Bottom(xc)) / 2;
        // The columns the row covers are on the plate; the body's edges are fitted there only (beyond the plate a bumper's
        // long edges continue). A row shorter than three character heights is widened to that.
        float half = Math.Max((row.Right - row.Left) / 2, 1.5f * h);
        // How far above and below the row's middle the edges may be: a two-line plate's top is ~2.3 of its upper line's
        // character heights above that line; a row glued together at half resolution may be half the true height.
        float reach = Math.Clamp(3f * h, 20f, 140f);
        float wide = Math.Clamp(9f * h, 90f, 360f);
        var roi = new Rect((int)MathF.Floor(xc - wide), (int)MathF.Floor(yc - reach - (PlateBodyEdges.MaxSlope * half) - 2), 0, 0);
        roi.Width = (int)MathF.Ceiling(2 * wide);
        roi.Height = (int)MathF.Ceiling((2 * reach) + (2 * PlateBodyEdges.MaxSlope * half) + 4);
        roi = roi & new Rect(0, 0, grey.Cols, grey.Rows);
        if (roi.Width < 20 || roi.Height < 12) return found;

        using var patch = new Mat(grey, roi);
        int w = roi.Width, rows = roi.Height;
        using var compact = patch.Clone();
        compact.GetArray(out byte[] pixels);

        float lx = xc - roi.X, ly = yc - roi.Y;
        int c0 = Math.Max(0, (int)(lx - half)), c1 = Math.Min(w - 1, (int)(lx + half));
        // The row's middle inside the patch (a row whose middle lies beyond the frame's edge has no body to walk out from).
        if (c1 - c0 < 8 || lx < 0 || lx >= w || ly < 0 || ly >= rows) return found;
        // The vertical gradient only over the row's columns, where the edges are scored (the wide patch is for the ends);
        // a sub-matrix's filter reads its neighbours in the frame, so the values are the whole patch's.
        using var edgePatch = new Mat(patch, new Rect(c0, 0, c1 - c0 + 1, rows));
        using var dy = new Mat();
        Cv2.Sobel(edgePatch, dy, MatType.CV_32F, 0, 1, 3);
        dy.GetArray(out float[] g);

        // The text's contrast on the row, which sets how strong a body edge must be to count along a column.
        var middle = new List<byte>();
        for (int x = c0; x <= c1; x++) middle.Add(pixels[((int)ly * w) + x]);
        middle.Sort();
        int p10 = middle[(int)(0.1 * (middle.Count - 1))], p90 = middle[(int)(0.9 * (middle.Count - 1))];
        double contrast = p90 - p10;
        if (contrast < 20) return found;
        // A column counts fully where the edge's step reaches a fifth of the text's contrast (Sobel: 4× the step): the
        // body's edge against the car may be much weaker than the text's, but it runs unbroken across the plate, while
        // the characters' own tops and bottoms stop between them.
        float cap = (float)(4 * 0.2 * contrast);
        // Both polarities: a body lighter than the car around it (white and yellow plates, most cars) has a top edge that
        // brightens downwards and a bottom edge that darkens, its dark characters' own tops and bottoms the other way round,
        // so the text's edges do not compete; a body darker than the car (a green plate, a white car) the other way round.
        foreach (int sign in (int[])[1, -1])
        {
            List<(float Y, float Slope, double Score)> tops = PlateBodyEdges.Find(g, c1 - c0 + 1, rows, c0, c1, lx, ly - reach, ly, sign, cap, exhaustive);
            List<(float Y, float Slope, double Score)> bottoms = PlateBodyEdges.Find(g, c1 - c0 + 1, rows, c0, c1, lx, ly, ly + reach, -sign, cap, exhaustive);
            foreach (var (ty, ts, topScore) in tops)
            {
                foreach (var (by, bs, bottomScore) in bottoms)
                {
                    if (Body(pixels, w, rows, c0, c1, lx, ty, ts, by, bs, contrast) is not { } ends) continue;
                    // The text's polarity: the extreme of the row farther from the body's colour (a green plate may be
                    // lighter than a dark car around it, its text lighter still).
                    bool darkText = ends.Level - p10 > p90 - ends.Level;
                    found.Add(new PlateBody(darkText, ends.TwoLine, ends.Left + roi.X, ends.Right + roi.X + 1,
                        ty - (ts * lx) + roi.Y - (ts * roi.X), ts, by - (bs * lx) + roi.Y - (bs * roi.X), bs) { Score = topScore + bottomScore });
                }
            }
        }

        return found.OrderByDescending(b => b.Score).ToList();
    }

    /// <summary>How well the body's edges were found: the sum of their scores (<see cref="PlateBodyEdges.Find"/>).</summary>
    public double Score { get; init; }

    // The body between a top and a bottom edge (roi pixels, lines through lx): its ends, along strips just inside the edges
    // (the body's own colour, free of the characters but for bolts and a two-line plate's upper line), outward from the
    // row while the colour stays the body's; null unless plate-shaped.
    private static (int Left, int Right, bool TwoLine, int Level)? Body(byte[] pixels, int w, int rows, int c0, int c1, float lx, float ty, float ts, float by, float bs, double contrast)
    {
        float height = by - ty;
        if (height < 8) return null;
        int Sample(float f, int x)
        {
            float top = ty + (ts * (x - lx)), bottom = by + (bs * (x - lx));
            int y = (int)MathF.Round(top + (f * (bottom - top)));
            return y < 0 || y >= rows ? -1000 : pixels[(y * w) + x];
        }

        float inside = StripAt(height);
        var levels = new List<int>();
        for (int x = c0; x <= c1; x++)
        {
            levels.Add(Sample(inside, x));
            levels.Add(Sample(1 - inside, x));
        }

        int body = UpperMedian.Of(levels);
        double tolerance = Math.Max(12, 0.3 * contrast);
        bool IsBody(int x) => Math.Abs(Sample(inside, x) - body) <= tolerance || Math.Abs(Sample(1 - inside, x) - body) <= tolerance;
        int gapAllowed = Math.Max(2, (int)(0.12 * height));
        // The walk starts at the body column nearest the row's middle (a character's stroke may cross both strips there).
        int start = -1;
        for (int d = 0; d <= (c1 - c0) / 2 && start < 0; d++)
        {
            if ((int)lx - d >= 0 && IsBody((int)lx - d)) start = (int)lx - d;
            else if ((int)lx + d < w && IsBody((int)lx + d)) start = (int)lx + d;
        }

        if (start < 0) return null;
        int End(int step)
        {
            int x = start, last = x, gap = 0;
            while (x + step >= 0 && x + step < w && gap <= gapAllowed)
            {
                x += step;
                if (IsBody(x)) { last = x; gap = 0; }
                else gap++;
            }

            return gap <= gapAllowed ? -1 : last;
        }

        int left = End(-1), right = End(1);
        if (left < 0 || right < 0) return null;
        float aspect = (right - left + 1) / height;
        if (aspect is >= MinSingleAspect and <= MaxSingleAspect) return (left, right, false, body);
        if (aspect is >= MinTwoLineAspect and <= MaxTwoLineAspect) return (left, right, true, body);
        return null;
    }
}
