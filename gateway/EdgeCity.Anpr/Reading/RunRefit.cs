using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A row refitted through a run of characters found in its warp: top and bottom lines fitted, in frame pixels, through
/// the tops and bottoms of the run's full-height characters (those no taller than 1.2× its median: one glued to a bolt or
/// the rim has its top or bottom off the line), their convergence limited (<see cref="LineConvergence"/>), and the run's
/// ends mapped to the frame as the row's extent. Both refits of a first warp use it: through the row's own characters
/// (<see cref="LineRectifier"/>) and through a run of the other polarity (<see cref="MainLineSearch"/>).
/// </summary>
internal static class RunRefit
{
    /// <summary>
    /// <paramref name="line"/> refitted through <paramref name="run"/> (≥ 3 boxes of <paramref name="warp"/>, left to right).
    /// </summary>
    /// <param name="line">The row that was warped.</param>
    /// <param name="run">The characters found in the warp.</param>
    /// <param name="warp">The row's warp (its <see cref="RectifiedLine.ToFrame"/> maps the boxes to the frame).</param>
    /// <param name="frameWidth">Bounds the lines' convergence (<see cref="LineConvergence"/>).</param>
    /// <param name="middle">The warp's row along which the run's ends are mapped to the frame; null: the mean middle of its
    /// full-height characters. The row's own characters stand on the warp's main line (their tops and bottoms were found
    /// there), whose middle is known; a run of the other polarity may lie anywhere in the band, so its own middle is used.</param>
    /// <param name="neverShorter">The row's extent is kept where the run's ends lie inside it: the row's own run leaves out
    /// what is not a full-height character at its ends (a stacked region name, a Hangul's parts), which the row held. A
    /// run of the other polarity is the text, the row its gaps or rim: its extent replaces the row's.</param>
    /// <param name="upper">A two-line plate's upper line above the run (<see cref="UpperLineSlopes.Find"/>; empty: none):
    /// its tops and bottoms, two more lines of the pencil, refit the slopes.</param>
    public static TextLine Through(TextLine line, List<GlyphBox> run, RectifiedLine warp, int frameWidth, float? middle, bool neverShorter, List<GlyphBox> upper)
    {
        int medianHeight = run.Select(b => b.Height).Order().ElementAt(run.Count / 2);
        var full = run.Where(b => b.Height <= 1.2 * medianHeight).ToList();
        if (full.Count < 3) full = run;
        Point2f[] tops = Homography.Map(Tops(full), warp.ToFrame);
        Point2f[] bottoms = Homography.Map(Bottoms(full), warp.ToFrame);
        (float ti, float ts) = LineFit.Fit(tops);
        (float bi, float bs) = LineFit.Fit(bottoms);
        float xc = bottoms.Average(p => p.X);
        float topAtCentre = ti + (ts * xc), bottomAtCentre = bi + (bs * xc);
        if (upper.Count > 0) (ts, bs) = UpperLineSlopes.Pencil(tops, bottoms, Homography.Map(Tops(upper), warp.ToFrame), Homography.Map(Bottoms(upper), warp.ToFrame));

        // Lines converging faster than a plate's perspective allows hold a wrong point (LineConvergence).
        (ts, bs) = LineConvergence.Limit(ts, bs, bottomAtCentre - topAtCentre, frameWidth);
        ti = topAtCentre - (ts * xc);
        bi = bottomAtCentre - (bs * xc);

        float y = middle ?? (float)full.Average(b => b.Y + (b.Height / 2.0));
        Point2f[] ends = Homography.Map([new Point2f(run[0].X, y), new Point2f(run[^1].Right, y)], warp.ToFrame);
        return line with
        {
            TopIntercept = ti, TopSlope = ts, BottomIntercept = bi, BottomSlope = bs,
            Left = neverShorter ? Math.Min(line.Left, ends[0].X) : ends[0].X,
            Right = neverShorter ? Math.Max(line.Right, ends[1].X) : ends[1].X,
        };
    }

    private static Point2f[] Tops(List<GlyphBox> boxes) => boxes.Select(b => new Point2f(b.CentreX, b.Y)).ToArray();

    private static Point2f[] Bottoms(List<GlyphBox> boxes) => boxes.Select(b => new Point2f(b.CentreX, b.Bottom)).ToArray();
}
