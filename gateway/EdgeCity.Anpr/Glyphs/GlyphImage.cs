using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Glyphs;

/// <summary>
/// The convolutional classifier's view of one glyph box: the box (and a pixel around it) cut from the rectified line,
/// stretched to full contrast, centred on a white square at least a character tall and scaled to
/// <see cref="Side"/>×<see cref="Side"/>. Nothing outside the box is shown — the layouts ask about exact box unions
/// (가 is ㄱ and ㅏ together) and a neighbour's edge in view would answer for the wrong box — and the square's floor
/// of one character height keeps a box's size: a bolt stays small, a digit fills the height, a wide region name is
/// letter-boxed. The training export (<c>anpr export-glyphs</c>) and the recognizer use this one function.
/// </summary>
internal static class GlyphImage
{
    /// <summary>Width and height of the image, px.</summary>
    public const int Side = 32;

    /// <summary>Bytes per image.</summary>
    public const int Length = Side * Side;

    /// <summary>Writes the glyph image of <paramref name="box"/> in <paramref name="grey"/> (8-bit, dark text on light) to <paramref name="destination"/>.</summary>
    public static void Render(Mat grey, GlyphBox box, Span<byte> destination)
    {
        int x0 = Math.Clamp(box.X - 1, 0, grey.Cols - 1), y0 = Math.Clamp(box.Y - 1, 0, grey.Rows - 1);
        int x1 = Math.Clamp(box.Right + 1, x0 + 1, grey.Cols), y1 = Math.Clamp(box.Bottom + 1, y0 + 1, grey.Rows);
        int w = x1 - x0, h = y1 - y0;
        int square = Math.Max(Math.Max(w, h), RectifiedLine.CharHeight + 2);
        using Mat crop = grey[new Rect(x0, y0, w, h)];
        (double min, double max) = Range(grey, crop, x0, y0, w, h);
        double alpha = max - min < 1 ? 1 : 255 / (max - min);
        // The canvas and the scaled image are kept per thread (a line's glyphs are rendered by the dozen, on canvases of
        // a few sizes): each native allocation and call here cost as much as the pixels (~20 µs a glyph in all).
        Mat? kept = square <= MaxKeptCanvas ? Canvas(square) : null;
        using Mat? own = kept is null ? new Mat(square, square, MatType.CV_8UC1) : null;
        Mat canvas = kept ?? own!, scaled = _scaled ??= new Mat(Side, Side, MatType.CV_8UC1);
        canvas.AsSpan<byte>().Fill(255);
        using (Mat inner = canvas[new Rect((square - w) / 2, (square - h) / 2, w, h)])
        {
            crop.ConvertTo(inner, MatType.CV_8UC1, alpha, -min * alpha);
        }

        Cv2.Resize(canvas, scaled, new Size(Side, Side), 0, 0, square == Side ? InterpolationFlags.Linear : InterpolationFlags.Area);
        scaled.AsSpan<byte>().CopyTo(destination);
    }

    // Canvases up to this side are kept (a character's, 34 px, to a wide region name's or glued pair's); larger ones, rare, are made each time.
    private const int MaxKeptCanvas = 96;

    [ThreadStatic]
    private static Mat? _scaled;

    [ThreadStatic]
    private static Dictionary<int, Mat>? _canvases;

    // A white square canvas of side square, this thread's own (the glyph reader's boxes fit in a few sizes).
    private static Mat Canvas(int square)
    {
        _canvases ??= [];
        if (!_canvases.TryGetValue(square, out Mat? canvas)) _canvases[square] = canvas = new Mat(square, square, MatType.CV_8UC1);
        return canvas;
    }

    // The darkest and lightest grey of the crop at (x, y) of grey, read in place (Mat.MinMaxLoc's values, without its native call).
    private static (double Min, double Max) Range(Mat grey, Mat crop, int x, int y, int w, int h)
    {
        if (!grey.IsContinuous() || grey.Type() != MatType.CV_8UC1)
        {
            crop.MinMaxLoc(out double minValue, out double maxValue);
            return (minValue, maxValue);
        }

        ReadOnlySpan<byte> pixels = grey.AsSpan<byte>();
        int stride = grey.Cols, min = 255, max = 0;
        for (int row = y; row < y + h; row++)
        {
            foreach (byte v in pixels.Slice((row * stride) + x, w))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return (min, max);
    }
}
