using EdgeCity.Anpr.Reading;
using EdgeCity.CameraSim.Plates;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Cli.Anpr;

/// <summary>
/// Whether a rectified row of a training scene lies on the plate's text, so that its content may be labelled with the
/// plate's text: its character band, mapped into the plate's corners, is where the text is and about as tall, and it
/// spans the text's width. A row of other things across the plate — the plate as one blob, its rim, a two-line plate's
/// upper line, half the plate at a larger scale — would give wrong labels (a box over two characters called one, a
/// blob called a digit). Shared by the line and glyph exports.
/// </summary>
internal sealed class PlateTextRow : IDisposable
{
    private readonly Mat _toPlate;
    private readonly bool _twoLine;

    public PlateTextRow(PlateTruth truth)
    {
        _toPlate = Cv2.GetPerspectiveTransform(truth.Corners.Select(p => new Point2f(p.X, p.Y)), [new(0, 0), new(1, 0), new(1, 1), new(0, 1)]);
        _twoLine = truth.Plate.Style == PlateStyle.KrRegionalTwoLine;
    }

    /// <summary>
    /// The row's character height as a multiple of the plate text's, or null when the row is not on the text (its
    /// centre off the text band, shorter than 0.85 of the text or taller than <paramref name="maxScale"/> times it, or
    /// not spanning the text's width).
    /// </summary>
    public float? Scale(RectifiedLine line, float maxScale)
    {
        float mid = line.Width / 2f;
        Point2f[] onPlate = Cv2.PerspectiveTransform(Cv2.PerspectiveTransform([new Point2f(mid, RectifiedLine.MainTop), new Point2f(mid, RectifiedLine.MainBottom)], line.ToFrame), _toPlate);
        float centre = (onPlate[0].Y + onPlate[1].Y) / 2, height = onPlate[1].Y - onPlate[0].Y;
        // Characters are 78 of a single-line plate's 110 mm, 82 of a two-line plate's 170 (PlateRenderer).
        float expected = _twoLine ? 82f / 170 : 78f / 110;
        if (centre < (_twoLine ? 0.45f : 0.2f) || centre > 0.9f || height < 0.85f * expected || height > maxScale * expected) return null;
        // The row must span the whole text (a row holding the plate's right half, at a larger scale, does not).
        const float band = RectifiedLine.MainTop + (RectifiedLine.CharHeight / 2f);
        Point2f[] ends = Cv2.PerspectiveTransform(Cv2.PerspectiveTransform([new Point2f(0, band), new Point2f(line.Width, band)], line.ToFrame), _toPlate);
        if (ends[0].X > 0.1f || ends[1].X < 0.9f) return null;
        return height / expected;
    }

    public void Dispose() => _toPlate.Dispose();
}
