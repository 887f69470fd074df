using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The plate's text in a first warp made from a row of the other polarity, when the row's own full-height characters are
/// not there: the dark gaps between a green plate's light characters (or its dark rim) make a row of "dark characters"
/// at the text's place, and its warp shows the text light on dark. The tallest level run of at least four glyph-shaped
/// components of the other polarity is the line, and the row is refitted through it (and refined again from there).
/// Only where plates with light text exist (Korea): elsewhere light text on dark is a sign's or a shop's lettering.
/// (Searching the row's own polarity too, for a run at another scale — a row spanning both lines of a two-line plate —
/// read the same 2,000 scenes for ~0.3 ms a frame more: not kept.)
/// </summary>
internal static class MainLineSearch
{
    private const int H = RectifiedLine.CharHeight;

    /// <summary>Smallest character height looked for, of the row's.</summary>
    private const double MinHeight = 0.4;

    /// <summary>Fewest characters of a run: a plate's main line has four digits at least (and a Korean one its Hangul).</summary>
    private const int MinCharacters = 4;

    /// <summary>Tallest character height looked for, of the row's (characters taller than the warp's band cannot be found in it).</summary>
    private const double MaxHeight = 1.3;

    /// <summary>
    /// The row refitted, with the other polarity, through the tallest run of characters of that polarity in
    /// <paramref name="first"/> (the row warped with <paramref name="extension"/> character heights each side); null when
    /// there is none. <paramref name="frameWidth"/> bounds the fitted lines' convergence (<see cref="LineConvergence"/>).
    /// </summary>
    public static TextLine? Find(RectifiedLine first, TextLine line, float extension, int frameWidth)
    {
        int rowLeft = (int)(extension * H), rowRight = first.Width - (int)(extension * H);
        // The Otsu threshold of the row's band is the same level for either polarity.
        double threshold = GlyphSegmenter.MainThreshold(first, rowLeft, rowRight);
        List<GlyphBox> chars = Search(first, threshold, rowLeft, rowRight);
        if (chars.Count == 0) return null;
        // Its own middle and ends: the run may lie anywhere in the band, and it is the text, the row only its gaps or rim.
        TextLine refitted = RunRefit.Through(line, chars, first, frameWidth, middle: null, neverShorter: false, upper: []) with { DarkText = !line.DarkText };
        return refitted.HeightAt(refitted.Left) > 3 && refitted.HeightAt(refitted.Right) > 3 ? refitted : null;
    }

    // The best run of the other polarity: glyph-shaped boxes anywhere in the band, grouped by a shared top and bottom.
    private static List<GlyphBox> Search(RectifiedLine warp, double threshold, int rowLeft, int rowRight)
    {
        // Only the row's columns and a character beyond: the run must lie mostly on the row.
        int left = Math.Max(0, rowLeft - H), right = Math.Min(warp.Width, rowRight + H);
        if (right - left < H) return [];
        // At half resolution: the run is only located here (the row is refined again from it at full resolution), and
        // the search runs on every row whose own refit failed — most rows of a frame, which are no plate.
        using Mat band = warp.Grey[new Rect(left, 0, right - left, RectifiedLine.Rows)];
        using var small = new Mat();
        Cv2.Resize(band, small, new Size((right - left) / 2, RectifiedLine.Rows / 2), 0, 0, InterpolationFlags.Area);
        using var binary = new Mat();
        // The warp shows the row's text dark: the other polarity's ink is lighter than the threshold.
        Cv2.Threshold(small, binary, threshold, 255, ThresholdTypes.Binary);
        HorizontalEdgeEraser.Erase(binary, (int)(HorizontalEdgeEraser.LongestGlyphRun * H / 2));
        // Plain connected components, stacked parts not merged: a two-line plate's upper line stands right above its main line.
        var boxes = GlyphSegmenter.Components(binary).Select(c => new GlyphBox(left + (2 * c.Box.X), 2 * c.Box.Y, 2 * c.Box.Width, 2 * c.Box.Height))
            .Where(b => b.Height >= MinHeight * H && b.Height <= MaxHeight * H && b.Width <= 1.1 * b.Height && b.Width >= 0.15 * b.Height
                        && b.CentreX >= rowLeft - (0.5 * H) && b.CentreX <= rowRight + (0.5 * H)
                        && b.Y > 0 && b.Bottom < RectifiedLine.Rows)
            .OrderBy(b => b.X).ToList();
        if (boxes.Count < MinCharacters) return [];
        List<GlyphBox> best = [];
        double bestScore = 0;
        foreach (GlyphBox seed in boxes)
        {
            // Level with the seed (its top and bottom within a fifth of its height) and of its height.
            double tolerance = 0.2 * seed.Height;
            var level = boxes.Where(b => Math.Abs(b.Y - seed.Y) <= tolerance && Math.Abs(b.Bottom - seed.Bottom) <= tolerance).ToList();
            // The seed's chain: neighbours less than a character height apart (a plate's gaps, the Hangul's included).
            int at = level.IndexOf(seed), first = at, last = at;
            while (first > 0 && level[first].X - level[first - 1].Right < 0.8 * seed.Height) first--;
            while (last < level.Count - 1 && level[last + 1].X - level[last].Right < 0.8 * seed.Height) last++;
            if (last - first + 1 < MinCharacters) continue;
            var run = level.GetRange(first, last - first + 1);
            // Most of it where the row was found: the row lies on this text, not beside it.
            if (run.Count(b => b.CentreX >= rowLeft - (0.3 * H) && b.CentreX <= rowRight + (0.3 * H)) * 2 < run.Count) continue;
            double score = run.Count * seed.Height;
            if (score > bestScore)
            {
                bestScore = score;
                best = run;
            }
        }

        return best;
    }
}
