using EdgeCity.Anpr.Diagnostics;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Cuts a band of a <see cref="RectifiedLine"/> into glyph boxes: Otsu binarisation (the threshold taken from the
/// plate part of the band, not the car body beside it), connected components, and components stacked above each
/// other merged (so 호, 허's ㅎ and a stacked region name become one box; side-by-side parts such as 가's ㄱ and ㅏ stay
/// apart and are joined later by the layout).
/// </summary>
internal static class GlyphSegmenter
{
    /// <summary>Ink per row, px, under which a component a character tall is a hairline (a border), not a glyph (3+ px strokes).</summary>
    private const double HairlineInkPerRow = 2.0;

    /// <summary>Boxes wider than this, in character heights, are characters glued together and are cut (a Hangul syllable is narrower).</summary>
    private const double SplitWidth = 0.95;

    /// <summary>The Otsu threshold of the main line between its first and last character.</summary>
    public static double MainThreshold(RectifiedLine line, int textLeft, int textRight)
    {
        int l = Math.Clamp(textLeft, 0, line.Width - 2), r = Math.Clamp(textRight, l + 1, line.Width);
        if (line.Thresholds.TryGetValue((l, r), out double known)) return known;
        using Mat core = line.Grey[new Rect(l, RectifiedLine.MainTop, r - l, RectifiedLine.CharHeight)];
        using var scratch = new Mat();
        double threshold = Cv2.Threshold(core, scratch, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        line.Thresholds[(l, r)] = threshold;
        return threshold;
    }

    /// <summary>
    /// Boxes of the main line (with the rows below it), at least <paramref name="minHeightFraction"/> of a character tall;
    /// with <paramref name="cutGlued"/> false, characters glued together stay one box (<paramref name="blurredCuts"/>: see <see cref="Segment"/>).
    /// </summary>
    public static List<GlyphBox> SegmentMain(RectifiedLine line, out double threshold, double minHeightFraction, bool cutGlued = true, bool blurredCuts = false)
    {
        const int h = RectifiedLine.CharHeight;
        int textLeft = (int)(line.LeftExtension * h), textRight = line.Width - (int)(line.RightExtension * h);
        threshold = MainThreshold(line, textLeft, textRight);
        return Segment(line, threshold, RectifiedLine.MainTop - 3, RectifiedLine.Rows, (int)(minHeightFraction * h), cutGlued: cutGlued, blurredCuts: blurredCuts);
    }

    /// <summary>
    /// Whether the main line's segmentation holds a run of characters glued together (a box wider than a character and
    /// at least 0.6 of one tall, which <see cref="Segment"/> cuts): only then can <see cref="BlurredRunCutter"/> cut it otherwise.
    /// </summary>
    public static bool HasGluedRun(RectifiedLine line) => SegmentMain(line, out _, 0.25, cutGlued: false).Any(IsGluedRun);

    /// <summary>Wider than a character and at least 0.6 of one tall: characters glued together, which <see cref="Segment"/> cuts.</summary>
    public static bool IsGluedRun(GlyphBox b) => b.Width > SplitWidth * RectifiedLine.CharHeight && b.Height >= 0.6 * RectifiedLine.CharHeight;

    /// <summary>
    /// Boxes of the components in rows [<paramref name="top"/>, <paramref name="bottom"/>), stacked parts merged; with
    /// <paramref name="eraseEdges"/>, horizontal edges longer than a glyph erased first (<see cref="HorizontalEdgeEraser"/>); with
    /// <paramref name="cutGlued"/>, runs of glued characters cut at their columns of least ink — or, with
    /// <paramref name="blurredCuts"/> (a motion-blurred line), where their grey ink dips at the characters' pitch (<see cref="BlurredRunCutter"/>).
    /// </summary>
    public static List<GlyphBox> Segment(RectifiedLine line, double threshold, int top, int bottom, int minHeight, bool eraseEdges = true, bool cutGlued = true, bool blurredCuts = false)
    {
        // The readers and rules cut the same band alike, with only the smallest height kept differing: once per line.
        var key = (threshold, top, bottom, eraseEdges, cutGlued, blurredCuts);
        if (!line.Segmentations.TryGetValue(key, out List<GlyphBox>? all))
        {
            using StageProfile.Scope profiled = StageProfile.Enter(Stage.Segmentation);
            line.Segmentations[key] = all = SegmentBand(line, threshold, top, bottom, eraseEdges, cutGlued, blurredCuts);
        }

        var kept = new List<GlyphBox>(all.Count);
        foreach (GlyphBox b in all)
        {
            if (b.Height >= minHeight) kept.Add(b);
        }

        return kept;
    }

    // Every box of the band, however short.
    private static List<GlyphBox> SegmentBand(RectifiedLine line, double threshold, int top, int bottom, bool eraseEdges, bool cutGlued, bool blurredCuts)
    {
        using Mat binary = Ink(line, threshold, top, bottom);
        if (eraseEdges) HorizontalEdgeEraser.Erase(binary, (int)(HorizontalEdgeEraser.LongestGlyphRun * RectifiedLine.CharHeight));
        List<(GlyphBox Box, int Ink)> components = Components(binary);
        var boxes = new List<(GlyphBox Box, int Ink)>(components.Count);
        foreach ((GlyphBox c, int area) in components)
        {
            int x = c.X, y = c.Y, w = c.Width, h = c.Height;
            if (area < 6 || h < 3) continue;
            // Wider than a few characters is the plate's border or the car, not text; up to that, blur and JPEG may
            // have glued several characters together, which Split cuts apart below.
            if (w > 6 * RectifiedLine.CharHeight || (w > 2.2 * RectifiedLine.CharHeight && h < 0.6 * RectifiedLine.CharHeight)) continue;
            // Spanning the whole band from its first to its last row: a plate edge, the EU band, the car — not a glyph.
            if (y == 0 && y + h >= bottom - top) continue;
            // With edges erased, what is left of the car body beyond the plate's ends touches the band's side, and in the
            // strip above the main line (a two-line plate's upper line, set in from the plate's ends) no glyph does. On
            // the main line an end character or a stacked region can be glued to it or stand close: dropping what
            // touches the side there, before or after the cut below, lost as many plates as it found (1,000 scenes).
            if (eraseEdges && bottom <= RectifiedLine.MainTop && (x == 0 || x + w >= line.Width)) continue;
            // A line a pixel or two wide and a character tall: the plate's border or the frame's edge beside the first or
            // last character (no plate glyph is that thin: a 1 has its flag, and strokes are 3+ px at this size). The
            // border's corner or a bolt touching it makes its box wider, not its line thicker: fewer than 2 px of ink
            // per row is a line whatever the box's width.
            if (h >= 0.75 * RectifiedLine.CharHeight && (w <= 2 || area < HairlineInkPerRow * h)) continue;
            boxes.Add((new GlyphBox(x, y + top, w, h), area));
        }

        boxes.Sort((a, b) => a.Box.X.CompareTo(b.Box.X));
        // The same rule after stacked parts are merged: a dashed border's pieces become one box a character tall.
        var merged = MergeStacked(boxes)
            .Where(b => b.Box.Height < 0.75 * RectifiedLine.CharHeight || (b.Box.Width > 2 && b.Ink >= HairlineInkPerRow * b.Box.Height))
            .Select(b => b.Box).ToList();
        if (cutGlued && merged.Any(IsGluedRun))
        {
            binary.GetArray(out byte[] ink);
            // On a line the motion blur glued, a run is cut where its grey ink dips, at the characters' pitch (BlurredRunCutter).
            merged = merged.SelectMany(b => blurredCuts && IsGluedRun(b)
                ? BlurredRunCutter.Cut(line, b, piece => Trim(piece, ink, binary.Cols, top))
                : Split(b, ink, binary.Cols, top)).ToList();
        }

        return merged;
    }

    /// <summary>Rows [<paramref name="top"/>, <paramref name="bottom"/>) of the line, ink (darker than <paramref name="threshold"/>) 255.</summary>
    public static Mat Ink(RectifiedLine line, double threshold, int top, int bottom)
    {
        using Mat band = line.Grey[new Rect(0, top, line.Width, bottom - top)];
        var binary = new Mat();
        Cv2.Threshold(band, binary, threshold, 255, ThresholdTypes.BinaryInv);
        return binary;
    }

    /// <summary>
    /// The 8-connected components of <paramref name="binary"/>'s ink: each one's box (in its pixels) and ink area, in
    /// OpenCV's order (<see cref="RunComponents"/>: the same list as <c>ConnectedComponentsWithStats</c>, checked on
    /// every band of the 2,000 benchmark scenes, in a fraction of its time).
    /// </summary>
    public static List<(GlyphBox Box, int Ink)> Components(Mat binary) => RunComponents.Find(binary);

    /// <summary>
    /// <paramref name="box"/> cut in two at the column with least ink in its middle third (binarised at
    /// <paramref name="threshold"/>), each half shrunk to its ink's rows: two small characters glued by blur or JPEG.
    /// </summary>
    public static (GlyphBox Left, GlyphBox Right) SplitPair(RectifiedLine line, double threshold, GlyphBox box)
    {
        List<GlyphBox> halves = CutAtLeastInk(line, threshold, box, [(box.Width / 3, box.Width - (box.Width / 3), box.Width / 2)]);
        return (halves[0], halves[1]);
    }

    /// <summary>
    /// <paramref name="box"/> cut at one column in each of <paramref name="windows"/> (the box's columns, left to right:
    /// from inclusive, to exclusive, and the one preferred): the column with least ink (binarised at
    /// <paramref name="threshold"/>), the one nearest the preferred among equals (the preferred where the window is
    /// empty); the cut column belongs to neither part, and each part is shrunk to its ink's rows.
    /// </summary>
    public static List<GlyphBox> CutAtLeastInk(RectifiedLine line, double threshold, GlyphBox box, IReadOnlyList<(int From, int To, int Prefer)> windows)
    {
        using Mat roi = line.Grey[box.ToRect()];
        using var binary = new Mat();
        Cv2.Threshold(roi, binary, threshold, 255, ThresholdTypes.BinaryInv);
        binary.GetArray(out byte[] ink);
        var parts = new List<GlyphBox>(windows.Count + 1);
        int left = 0;
        foreach ((int from, int to, int prefer) in windows)
        {
            int best = prefer, bestInk = int.MaxValue;
            for (int x = from; x < to; x++)
            {
                int count = 0;
                for (int y = 0; y < box.Height; y++) count += ink[(y * box.Width) + x] > 0 ? 1 : 0;
                if (count < bestInk || (count == bestInk && Math.Abs(x - prefer) < Math.Abs(best - prefer)))
                {
                    bestInk = count;
                    best = x;
                }
            }

            parts.Add(Trim(new GlyphBox(left, 0, best - left, box.Height), ink, box.Width, 0));
            left = best + 1;
        }

        parts.Add(Trim(new GlyphBox(left, 0, box.Width - left, box.Height), ink, box.Width, 0));
        return parts.Select(p => p with { X = p.X + box.X, Y = p.Y + box.Y }).ToList();
    }

    // Characters glued together by blur: cut at the column with the least ink, away from the edges, until each part is
    // no wider than a character can be.
    private static IEnumerable<GlyphBox> Split(GlyphBox box, byte[] ink, int stride, int top)
    {
        const int h = RectifiedLine.CharHeight;
        if (box.Width <= SplitWidth * h || box.Height < 0.6 * h)
        {
            yield return box;
            yield break;
        }

        int margin = (int)(0.3 * h), best = -1, bestInk = int.MaxValue;
        for (int x = box.X + margin; x < box.Right - margin; x++)
        {
            int count = 0;
            for (int y = box.Y; y < box.Bottom; y++) count += ink[((y - top) * stride) + x] > 0 ? 1 : 0;
            if (count < bestInk)
            {
                bestInk = count;
                best = x;
            }
        }

        if (best < 0)
        {
            yield return box;
            yield break;
        }

        foreach (GlyphBox part in Split(Trim(new GlyphBox(box.X, box.Y, best - box.X, box.Height), ink, stride, top), ink, stride, top)) yield return part;
        foreach (GlyphBox part in Split(Trim(new GlyphBox(best + 1, box.Y, box.Right - best - 1, box.Height), ink, stride, top), ink, stride, top)) yield return part;
    }

    // Shrinks a box's rows to the ink inside its columns.
    private static GlyphBox Trim(GlyphBox box, byte[] ink, int stride, int top)
    {
        int first = box.Bottom, last = box.Y - 1;
        for (int y = box.Y; y < box.Bottom; y++)
        {
            for (int x = box.X; x < box.Right; x++)
            {
                if (ink[((y - top) * stride) + x] == 0) continue;
                first = Math.Min(first, y);
                last = Math.Max(last, y);
                break;
            }
        }

        return last < first ? box : new GlyphBox(box.X, first, box.Width, last - first + 1);
    }

    // Boxes with their ink (pixel count), stacked ones merged.
    private static List<(GlyphBox Box, int Ink)> MergeStacked(List<(GlyphBox Box, int Ink)> boxes)
    {
        var result = new List<(GlyphBox Box, int Ink)>(boxes.Count);
        foreach ((GlyphBox box, int ink) in boxes)
        {
            bool mergedIn = false;
            for (int i = result.Count - 1; i >= 0 && i >= result.Count - 3; i--)
            {
                GlyphBox other = result[i].Box;
                int overlap = Math.Min(other.Right, box.Right) - Math.Max(other.X, box.X);
                if (overlap > 0.6 * Math.Min(other.Width, box.Width))
                {
                    result[i] = (GlyphBox.Union([other, box]), result[i].Ink + ink);
                    mergedIn = true;
                    break;
                }
            }

            if (!mergedIn) result.Add((box, ink));
        }

        return result;
    }
}
