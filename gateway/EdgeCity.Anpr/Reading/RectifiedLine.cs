using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A text line warped flat: <see cref="CharHeight"/> pixels of character height, always dark text on a light
/// background (light-on-dark plates are inverted), with a strip above it (for a two-line plate's upper line) and
/// room at the left (for a stacked region name). Keeps the way back to frame coordinates.
/// </summary>
internal sealed class RectifiedLine : IDisposable
{
    /// <summary>Character height after rectification, px.</summary>
    public const int CharHeight = 32;

    /// <summary>Rows above the main line for the upper line of a two-line plate.</summary>
    public const int UpperStrip = 30;

    /// <summary>Rows of margin above and below the main line.</summary>
    public const int Margin = 5;

    /// <summary>First row of the main line.</summary>
    public const int MainTop = UpperStrip + Margin;

    /// <summary>Row after the main line.</summary>
    public const int MainBottom = MainTop + CharHeight;

    /// <summary>Total rows.</summary>
    public const int Rows = MainBottom + Margin;

    public RectifiedLine(Mat grey, Mat toFrame)
    {
        Grey = grey;
        ToFrame = toFrame;
    }

    /// <summary>
    /// The horizontal motion blur (Gaussian σ, px of this line) its strokes showed when it was warped
    /// (<see cref="MotionDeblur.Estimate"/>; 0 when none or not estimated). The line itself is already deblurred.
    /// </summary>
    public double MotionBlur { get; init; }

    /// <summary>How far the warp reaches left of the row's text, in character heights (<see cref="LineRectifier.LeftExtension"/>;
    /// wider for a stacked name's second look, <see cref="StackedNameRoom"/>): the text's threshold is taken from there on.</summary>
    public float LeftExtension { get; init; } = LineRectifier.LeftExtension;

    /// <summary>How far the warp reaches right of the row's text, in character heights (<see cref="LineRectifier.RightExtension"/>;
    /// wider for an EU reading's second look, <see cref="LatinLastGroup"/>): the text's threshold is taken up to there.</summary>
    public float RightExtension { get; init; } = LineRectifier.RightExtension;

    /// <summary>The refined row the warp was made from (<see cref="LineRectifier.RectifyRefined"/>), so that it can be warped
    /// again at other widths (<see cref="LineRectifier.Rewarp"/>); null where it was warped from the row as found.</summary>
    public TextLine? RefinedRow { get; init; }

    /// <summary>The warped grey image, dark text on light; never changed once warped (<see cref="Segmentations"/>, <see cref="Thresholds"/>).</summary>
    public Mat Grey { get; }

    /// <summary>3×3 homography from rectified to frame pixels.</summary>
    public Mat ToFrame { get; }

    public int Width => Grey.Cols;

    /// <summary>
    /// The segmentations of this line already made (<see cref="GlyphSegmenter"/>), by every parameter that changes the
    /// cut (a test, <c>SegmentationCacheTests</c>, checks the key): the glyph reader, the line network's left-out test,
    /// the glyph CNN's confirmation and each two-line hypothesis's upper line cut the same band of the same pixels, ~4
    /// times a row. <see cref="Grey"/> is never changed once warped: other pixels are another line (as
    /// <see cref="InkPolarity.Inverted"/> makes one), with caches of its own.
    /// </summary>
    internal Dictionary<(double Threshold, int Top, int Bottom, bool EraseEdges, bool CutGlued, bool BlurredCuts), List<GlyphBox>> Segmentations { get; } = [];

    /// <summary>The Otsu thresholds of this line's main band already computed, by their columns (<see cref="GlyphSegmenter.MainThreshold"/>).</summary>
    internal Dictionary<(int Left, int Right), double> Thresholds { get; } = [];

    /// <summary>The frame-pixel bounding box of a rectified rectangle.</summary>
    public Rect FrameBox(Rect rectified)
    {
        Point2f[] corners =
        [
            new(rectified.Left, rectified.Top), new(rectified.Right, rectified.Top),
            new(rectified.Right, rectified.Bottom), new(rectified.Left, rectified.Bottom),
        ];
        Point2f[] mapped = Homography.Map(corners, ToFrame);
        float l = mapped.Min(p => p.X), t = mapped.Min(p => p.Y), r = mapped.Max(p => p.X), b = mapped.Max(p => p.Y);
        return new Rect((int)MathF.Floor(l), (int)MathF.Floor(t), (int)MathF.Ceiling(r - l), (int)MathF.Ceiling(b - t));
    }

    public void Dispose()
    {
        Grey.Dispose();
        ToFrame.Dispose();
    }
}
