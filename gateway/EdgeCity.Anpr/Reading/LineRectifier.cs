using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Warps the quadrilateral around a <see cref="TextLine"/> (its fitted top and bottom lines, extended left, right and
/// upwards in proportion to the local character height) to a flat <see cref="RectifiedLine"/>. Because the top and
/// bottom lines are fitted separately, the warp undoes the perspective of a plate turned up to ±30° as well as roll.
/// </summary>
internal static class LineRectifier
{
    /// <summary>
    /// Extra width at the left, in character heights (room for a stacked region name, which stands up to 1.3 pitches
    /// from a narrow first digit; at 1.1 it was often cut off: 2,000 scenes 0.8335 → 0.8377, false plates 0.0195 → 0.0175).
    /// </summary>
    public const float LeftExtension = 1.5f;

    /// <summary>Extra width at the right, in character heights.</summary>
    public const float RightExtension = 0.35f;

    /// <summary>
    /// Rectifies twice: the row found at half resolution is warped, its full-height characters are located in the warp,
    /// and top and bottom lines fitted through them in frame pixels give the final, sub-pixel accurate warp.
    /// </summary>
    /// <summary>
    /// How far the first warp looks beyond the row found in the frame, in character heights: the row's ends are often
    /// short of the plate's (an end character glued to the plate's edge or a bolt by blur, a far plate's first
    /// digits merged at half resolution), so the first warp looks wider and the row is extended to the characters
    /// found there before the final warp.
    /// </summary>
    public const float SearchExtension = 2.5f;

    /// <summary>
    /// Rectifies twice: the row found at half resolution is warped (wider than the row), its full-height characters are
    /// located in the warp, and top and bottom lines fitted through them in frame pixels, and the run of characters they
    /// form, give the final, sub-pixel accurate warp.
    /// </summary>
    /// <param name="frameGrey">The frame.</param>
    /// <param name="line">The row found in it.</param>
    /// <param name="korean">Korean plates are read: only there are plates with light text (a row's warp is then searched
    /// for text of the other polarity, <see cref="MainLineSearch"/>) and two-line plates (<see cref="TwoLinePlate"/>).</param>
    /// <param name="deblurFirst">The first warps (and the refits' warps) are deblurred where their own estimate says
    /// blurred: only for a blurred row's second chance (<see cref="BlurredSecondChance"/>).</param>
    /// <param name="upperRow">The row is a two-line plate's upper line, placed from its main line (<c>TwoLinePlateRows.UpperLineAbove</c>):
    /// refitted through its own characters, never replaced by the main line below it.</param>
    /// <param name="leftExtension">The final warp's extra width at the left, in character heights (<see cref="LeftExtension"/>;
    /// wider where a stacked region name may stand at the edge, <see cref="StackedNameRoom"/>).</param>
    /// <param name="rightExtension">The final warp's extra width at the right, in character heights (<see cref="RightExtension"/>;
    /// wider where an EU plate's last group may stand beyond the row, <see cref="LatinLastGroup"/>).</param>
    public static RectifiedLine? RectifyRefined(Mat frameGrey, TextLine line, bool korean = true, bool deblurFirst = false, bool upperRow = false, float leftExtension = LeftExtension,
        float rightExtension = RightExtension)
    {
        // The first warp only locates the row's characters: deblurring it too found 2 more plates in 1,000 scenes for ~1 ms a
        // frame; on 2,000 (deblurred where its own estimate says blurred) as many plates, 4 false plates fewer, +1.0 ms median:
        // the estimate runs on every row's first warp, and a third of all rows estimate blurred (signs, grilles, far text).
        // So it is deblurred only in a blurred row's second chance (deblurFirst).
        RectifiedLine? first;
        using (StageProfile.Enter(Stage.FirstWarp)) first = Rectify(frameGrey, line, SearchExtension, SearchExtension, deblur: deblurFirst);
        if (first is null)
        {
            using (StageProfile.Enter(Stage.FinalWarp)) return Rectify(frameGrey, line);
        }

        TextLine? refined;
        int characters;
        using (StageProfile.Enter(Stage.Refine)) refined = Refine(first, line, frameGrey.Cols, out characters, out _);
        // No full-height characters, but the tops of several running out of the warp's bottom edge: the row was found
        // above its text (RowAboveText), lowered to them and warped again.
        if (refined is null && LoweredRefined(frameGrey, first, line, deblurFirst, out characters) is { } lowered) refined = lowered;
        // No full-height characters where the row is: in Korea the row may be of the other polarity than the plate's
        // text (MainLineSearch); refitted through the text its warp shows, it is refined again from there.
        using StageProfile.Scope refits = korean && (refined is null || characters <= TwoLinePlate.UpperLineCharacters) ? StageProfile.Enter(Stage.Refits) : default;
        if (refined is null && korean && MainLineSearch.Find(first, line, SearchExtension, frameGrey.Cols) is { } found)
        {
            using RectifiedLine? again = Rectify(frameGrey, found, SearchExtension, SearchExtension, deblur: deblurFirst);
            refined = again is null ? found : Refine(again, found, frameGrey.Cols, out _, out _) ?? found;
        }
        else if (refined is not null && korean && !upperRow && characters <= TwoLinePlate.UpperLineCharacters)
        {
            // Three or four characters: perhaps a two-line plate's upper line (region name and class digits), the main
            // line below it missed (glued to the rim, or of the other polarity at half resolution). Where the main line
            // is, a refit finds four or more full-height characters with this row's characters right above them.
            TextLine below = TwoLinePlate.MainLineBelow(refined);
            using RectifiedLine? again = Rectify(frameGrey, below, SearchExtension, SearchExtension, deblur: deblurFirst);
            if (again is not null && Refine(again, below, frameGrey.Cols, out int mainCharacters, out bool upperLine) is { } main
                && upperLine && mainCharacters > TwoLinePlate.UpperLineCharacters) refined = main;
        }

        first.Dispose();
        using (StageProfile.Enter(Stage.FinalWarp))
        {
            return Rectify(frameGrey, refined ?? line, leftExtension, rightExtension, refinedRow: refined ?? line);
        }
    }

    // The row lowered to the characters its first warp shows cut by its bottom edge (RowAboveText), refitted through the
    // full-height characters of its own first warp; null where none were cut, or the lowered warp has no run either.
    private static TextLine? LoweredRefined(Mat frameGrey, RectifiedLine first, TextLine line, bool deblurFirst, out int characters)
    {
        characters = 0;
        const int h = RectifiedLine.CharHeight;
        int rowLeft = (int)(SearchExtension * h), rowRight = first.Width - (int)(SearchExtension * h);
        TextLine? lowered;
        using (StageProfile.Enter(Stage.Refine)) lowered = RowAboveText.Lowered(first, line, GlyphSegmenter.MainThreshold(first, rowLeft, rowRight), rowLeft, rowRight);
        if (lowered is null) return null;
        // Counted as the stages they repeat, so ANPR_PROFILE shows what lowering rows costs.
        RectifiedLine? again;
        using (StageProfile.Enter(Stage.FirstWarp)) again = Rectify(frameGrey, lowered, SearchExtension, SearchExtension, deblur: deblurFirst);
        using (again)
        using (StageProfile.Enter(Stage.Refine)) return again is null ? null : Refine(again, lowered, frameGrey.Cols, out characters, out _);
    }

    /// <summary>
    /// The row as <see cref="RectifyRefined"/> refits it through the full-height characters of its first warp, without the
    /// final warp (null: no first warp, or no run of three characters there); no other polarity or two-line plate's main
    /// line is looked for. What a light row's refit says of the plate body it may be (<see cref="LightPlateBody.Of"/>).
    /// </summary>
    public static TextLine? Refined(Mat frameGrey, TextLine line)
    {
        RectifiedLine? first;
        using (StageProfile.Enter(Stage.FirstWarp)) first = Rectify(frameGrey, line, SearchExtension, SearchExtension, deblur: false);
        if (first is null) return null;
        using (first)
        using (StageProfile.Enter(Stage.Refine))
        {
            return Refine(first, line, frameGrey.Cols, out _, out _);
        }
    }

    /// <summary>
    /// <paramref name="rectified"/>'s row warped again at other widths (a second look on a wider warp, <see cref="StackedNameRoom"/>,
    /// <see cref="LatinLastGroup"/>): the warp <see cref="RectifyRefined"/> makes at those widths, without locating and refitting
    /// the row's characters again — the first warp and the refit do not depend on the final warp's widths. A row whose first
    /// warp failed was warped as found, at the default widths, as <see cref="RectifyRefined"/> does at any widths.
    /// </summary>
    public static RectifiedLine? Rewarp(Mat frameGrey, TextLine line, RectifiedLine rectified, float leftExtension = LeftExtension, float rightExtension = RightExtension)
    {
        using (StageProfile.Enter(Stage.FinalWarp))
        {
            return rectified.RefinedRow is { } row ? Rectify(frameGrey, row, leftExtension, rightExtension, refinedRow: row) : Rectify(frameGrey, line);
        }
    }

    /// <summary>
    /// The row refitted through the full-height characters of its first warp <paramref name="rectified"/> (null: fewer
    /// than three); <paramref name="characters"/> counts them, <paramref name="upperLine"/> tells whether a two-line
    /// plate's upper line stands right above them (<see cref="UpperLineSlopes"/>).
    /// </summary>
    private static TextLine? Refine(RectifiedLine rectified, TextLine line, int frameWidth, out int characters, out bool upperLine)
    {
        characters = 0;
        upperLine = false;
        const int h = RectifiedLine.CharHeight;
        int rowLeft = (int)(SearchExtension * h), rowRight = rectified.Width - (int)(SearchExtension * h);
        double threshold = GlyphSegmenter.MainThreshold(rectified, rowLeft, rowRight);
        // Edges are not erased here: characters freed from the plate's rim would extend the row past the plate's ends.
        var tall = GlyphSegmenter.Segment(rectified, threshold, RectifiedLine.MainTop - 4, RectifiedLine.Rows, (int)(0.6 * h), eraseEdges: false)
            .Where(b => b.Height <= 1.25 * h && b.Width <= 1.05 * h && b.Y <= RectifiedLine.MainTop + (0.35 * h) && b.Bottom >= RectifiedLine.MainBottom - (0.35 * h))
            .ToList();
        var run = Run(tall, rowLeft, rowRight);
        characters = run.Count;
        if (run.Count < 3) return null;
        // A two-line plate's upper line: its tops and bottoms are two more lines of the same pencil (UpperLineSlopes).
        var upper = UpperLineSlopes.Find(rectified, threshold, run);
        upperLine = upper.Count > 0;
        // Refitted through the run's full-height characters (RunRefit: one glued to a bolt or the rim by blur has its top or
        // bottom off the row's line; the row's short parts — the ㅇ of 아, ~0.7 of a digit — were left out too, and not kept:
        // 1,000 scenes the same, and a far plate turned 29° away, 48, lost its stacked region). The run was found on the
        // warp's main line, so its ends are mapped along that line's middle; the row's new extent is never shorter than the
        // row found: a stacked region name or a Hangul's parts at its ends are not full-height characters.
        TextLine refined = RunRefit.Through(line, run, rectified, frameWidth, RectifiedLine.MainTop + (h / 2f), neverShorter: true, upper);
        float ratio = refined.MeanHeight / line.MeanHeight;
        return ratio is > 0.7f and < 1.4f ? refined : null;
    }

    // The full-height characters of the row: those inside it, and beyond its ends those that continue it at a
    // character's spacing (a plate's glyphs are less than half a character height apart, the Hangul's gap a little more).
    private static List<GlyphBox> Run(List<GlyphBox> tall, int rowLeft, int rowRight)
    {
        const int h = RectifiedLine.CharHeight;
        var inside = tall.Where(b => b.CentreX >= rowLeft - (0.3 * h) && b.CentreX <= rowRight + (0.3 * h)).ToList();
        if (inside.Count == 0) return inside;
        int first = tall.IndexOf(inside[0]), last = tall.IndexOf(inside[^1]);
        // Where the row's characters' tops and bottoms run in the warp (RowLean): level on a straight warp, leaning on one
        // warped from a row whose lines are off — a plate turned 25–30° away, its row found through part of its text.
        (Func<double, double> top, Func<double, double> bottom) = RowLean.Of(inside);
        // A character continuing the row has its top and bottom where the row's run at its place; the car body or a frame
        // cut off by the band (touching its first or last row) does not.
        bool Continues(GlyphBox b) => b.Width >= 0.25 * h && b.Y > RectifiedLine.MainTop - 4 && b.Bottom < RectifiedLine.Rows
            && Math.Abs(b.Y - top(b.CentreX)) < 0.15 * h && Math.Abs(b.Bottom - bottom(b.CentreX)) < 0.15 * h;
        for (int added = 0; added < 3 && first > 0 && tall[first].X - tall[first - 1].Right < 0.8 * h && Continues(tall[first - 1]); added++) first--;
        for (int added = 0; added < 3 && last < tall.Count - 1 && tall[last + 1].X - tall[last].Right < 0.8 * h && Continues(tall[last + 1]); added++) last++;
        return tall.GetRange(first, last - first + 1);
    }

    public static RectifiedLine? Rectify(Mat frameGrey, TextLine line) => Rectify(frameGrey, line, LeftExtension, RightExtension);

    // refinedRow: line, where it is the row RectifyRefined refined (kept on the warp for Rewarp).
    private static RectifiedLine? Rectify(Mat frameGrey, TextLine line, float leftExtension, float rightExtension, bool deblur = true, TextLine? refinedRow = null)
    {
        float h0 = line.MeanHeight;
        float xl = line.Left - (leftExtension * h0), xr = line.Right + (rightExtension * h0);
        float scale = RectifiedLine.CharHeight / h0;
        int width = (int)MathF.Round((xr - xl) * scale);
        if (width < 40 || width > 1400) return null;

        // Rows above the main line's top and below its bottom, as fractions of the local character height.
        const float up = (float)RectifiedLine.MainTop / RectifiedLine.CharHeight;
        const float down = (float)RectifiedLine.Margin / RectifiedLine.CharHeight;
        Point2f Corner(float x, bool top) => new(x, top ? line.Top(x) - (up * line.HeightAt(x)) : line.Bottom(x) + (down * line.HeightAt(x)));

        Point2f[] source = [Corner(xl, true), Corner(xr, true), Corner(xr, false), Corner(xl, false)];
        Point2f[] target = [new(0, 0), new(width, 0), new(width, RectifiedLine.Rows), new(0, RectifiedLine.Rows)];
        using Mat toLine = Homography.Between(source, target);
        Mat toFrame = Homography.Between(target, source);
        var grey = new Mat();
        Cv2.WarpPerspective(frameGrey, grey, toLine, new Size(width, RectifiedLine.Rows), InterpolationFlags.Linear, BorderTypes.Replicate);
        if (!line.DarkText) Cv2.BitwiseNot(grey, grey);
        // Horizontal motion blur, if the strokes show it, undone before anything is cut or read (and remembered: the
        // segmenter cuts a blurred line's glued runs otherwise, BlurredRunCutter).
        double motionBlur = 0;
        if (deblur)
        {
            (double blur, double noiseToSignal) = MotionDeblur.Estimate(grey, (int)(leftExtension * RectifiedLine.CharHeight), width - (int)(rightExtension * RectifiedLine.CharHeight));
            if (blur >= MotionDeblur.MinSigmaPx)
            {
                MotionDeblur.Apply(grey, Math.Min(blur, MotionDeblur.MaxSigmaPx), noiseToSignal);
                motionBlur = blur;
            }
        }
        return new RectifiedLine(grey, toFrame) { MotionBlur = motionBlur, LeftExtension = leftExtension, RightExtension = rightExtension, RefinedRow = refinedRow };
    }
}
