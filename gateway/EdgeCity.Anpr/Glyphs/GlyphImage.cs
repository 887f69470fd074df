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
        crop.MinMaxLoc(out double min, out double max);
        double alpha = max - min < 1 ? 1 : 255 / (max - min);
        using var canvas = new Mat(square, square, MatType.CV_8UC1, Scalar.All(255));
        using (Mat inner = canvas[new Rect((square - w) / 2, (square - h) / 2, w, h)])
        {
            crop.ConvertTo(inner, MatType.CV_8UC1, alpha, -min * alpha);
        }

        using var scaled = new Mat();
        Cv2.Resize(canvas, scaled, new Size(Side, Side), 0, 0, square == Side ? InterpolationFlags.Linear : InterpolationFlags.Area);
        scaled.GetArray(out byte[] pixels);
        pixels.CopyTo(destination);
    }
}
