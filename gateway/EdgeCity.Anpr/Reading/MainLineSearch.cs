using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The plate's main line in a first warp made from a row that is not it, when the row's own full-height characters are
/// not there. Two kinds of row lie on a plate without being its line of text: a row of the other polarity — the dark
/// gaps between a green plate's light characters, or its dark rim, make a row of "dark characters" at the text's place,
/// and its warp shows the text light on dark —, and a row at the wrong scale — a two-line plate's upper line glued to
/// the main line's top half makes one row spanning both lines, whose warp shows the main line at half the row's height.
/// Either way the warp holds the text, flat enough to find: the tallest level run of at least three glyph-shaped boxes
/// of one height, in either polarity, is the line, and the row is refitted through it.
/// </summary>
internal static class MainLineSearch
{
    private const int H = RectifiedLine.CharHeight;

    /// <summary>Smallest character height looked for, of the row's: a row spanning both lines of a two-line plate holds the main line at ~0.55 of its height.</summary>
    private const double MinHeight = 0.4;

    /// <summary>Tallest character height looked for, of the row's (characters taller than the warp's band cannot be found in it).</summary>
    private const double MaxHeight = 1.3;

    /// <summary>
    /// The row refitted through the tallest run of characters in <paramref name="first"/> (the row warped with
    /// <paramref name="extension"/> character heights each side), in whichever polarity shows it — the row's own only,
    /// unless <paramref name="bothPolarities"/> (a region with light-text plates: elsewhere light text on dark is a
    /// sign's, a shop's lettering, never a plate's) —; null when there is none. <paramref name="frameWidth"/> bounds the
    /// fitted lines' convergence (<see cref="LineConvergence"/>).
    /// </summary>
    public static TextLine? Find(RectifiedLine first, TextLine line, float extension, bool bothPolarities, int frameWidth)
    {
        int rowLeft = (int)(extension * H), rowRight = first.Width - (int)(extension * H);
        (List<GlyphBox> Run, bool Flipped) best = ([], false);
        double bestScore = 0;
        foreach (bool flip in bothPolarities ? new[] { false, true } : new[] { false })
        {
            List<GlyphBox> run = flip ? Inverted(first, rowLeft, rowRight) : Search(first, rowLeft, rowRight);
            if (run.Count == 0) continue;
            // In the row's own polarity only a row at another scale: characters the row's own refit could not find, a
            // main line of four or more well under the row's height (the row spans a two-line plate's both lines). A
            // run at the row's scale that the refit did not accept is a few boxes of something else.
            if (!flip && (run.Count < 4 || run.Select(b => b.Height).Order().ElementAt(run.Count / 2) > 0.7 * H)) continue;
            // More characters, and taller ones: a two-line plate's main line before its upper line (four or five
            // characters ~1.7 times as tall).
            double score = run.Count * run.Select(b => b.Height).Order().ElementAt(run.Count / 2);
            if (score > bestScore)
            {
                bestScore = score;
                best = (run, flip);
            }
        }

        if (best.Run.Count == 0) return null;
        List<GlyphBox> chars = best.Run;
        int median = chars.Select(b => b.Height).Order().ElementAt(chars.Count / 2);
        var full = chars.Where(b => b.Height <= 1.2 * median).ToList();
        Point2f[] tops = Cv2.PerspectiveTransform(full.Select(b => new Point2f(b.CentreX, b.Y)).ToArray(), first.ToFrame);
        Point2f[] bottoms = Cv2.PerspectiveTransform(full.Select(b => new Point2f(b.CentreX, b.Bottom)).ToArray(), first.ToFrame);
        (float ti, float ts) = LineFit.Fit(tops);
        (float bi, float bs) = LineFit.Fit(bottoms);
        float xc = bottoms.Average(p => p.X);
        float topAtCentre = ti + (ts * xc), bottomAtCentre = bi + (bs * xc);
        (ts, bs) = LineConvergence.Limit(ts, bs, bottomAtCentre - topAtCentre, frameWidth);
        ti = topAtCentre - (ts * xc);
        bi = bottomAtCentre - (bs * xc);
        float middle = (float)full.Average(b => b.Y + (b.Height / 2.0));
        Point2f[] ends = Cv2.PerspectiveTransform([new Point2f(chars[0].X, middle), new Point2f(chars[^1].Right, middle)], first.ToFrame);
        var refitted = line with
        {
            DarkText = best.Flipped ? !line.DarkText : line.DarkText,
            TopIntercept = ti, TopSlope = ts, BottomIntercept = bi, BottomSlope = bs,
            Left = ends[0].X, Right = ends[1].X,
        };
        return refitted.HeightAt(refitted.Left) > 3 && refitted.HeightAt(refitted.Right) > 3 ? refitted : null;
    }

    private static List<GlyphBox> Inverted(RectifiedLine first, int rowLeft, int rowRight)
    {
        var grey = new Mat();
        Cv2.BitwiseNot(first.Grey, grey);
        using var inverted = new RectifiedLine(grey, first.ToFrame.Clone());
        return Search(inverted, rowLeft, rowRight);
    }

    // The best run of one polarity: glyph-shaped boxes anywhere in the band, grouped by a shared top and bottom.
    private static List<GlyphBox> Search(RectifiedLine warp, int rowLeft, int rowRight)
    {
        double threshold = GlyphSegmenter.MainThreshold(warp, rowLeft, rowRight);
        // Plain connected components, stacked parts not merged: in a row spanning both lines of a two-line plate the
        // upper line's characters stand right above the main line's and would be merged with them.
        using Mat binary = GlyphSegmenter.Ink(warp, threshold, 0, RectifiedLine.Rows);
        HorizontalEdgeEraser.Erase(binary, (int)(HorizontalEdgeEraser.LongestGlyphRun * H));
        var boxes = GlyphSegmenter.Components(binary).Select(c => c.Box)
            .Where(b => b.Height >= MinHeight * H && b.Height <= MaxHeight * H && b.Width <= 1.1 * b.Height && b.Width >= 0.15 * b.Height
                        && b.CentreX >= rowLeft - (0.5 * H) && b.CentreX <= rowRight + (0.5 * H)
                        && b.Y > 0 && b.Bottom < RectifiedLine.Rows)
            .OrderBy(b => b.X).ToList();
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
            if (last - first + 1 < 3) continue;
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
