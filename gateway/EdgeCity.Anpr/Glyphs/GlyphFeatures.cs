using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Glyphs;

/// <summary>
/// The feature vector of one glyph: a HOG descriptor of the glyph scaled to 24×24 (stroke directions, robust to blur
/// and contrast), a 6×6 grid of mean darkness, and the box's aspect and height — which the square scaling loses and
/// which tell 1 from 7, 0 from O, and a glyph from a bolt.
/// </summary>
internal sealed class GlyphFeatures : IDisposable
{
    private const int Side = 24;
    private readonly HOGDescriptor _hog = new(new Size(Side, Side), new Size(12, 12), new Size(6, 6), new Size(6, 6), 9);

    /// <summary>Length of a feature vector.</summary>
    public const int Length = 324 + 36 + 2;

    public float[] Compute(Mat grey, GlyphBox box)
    {
        int x0 = Math.Max(0, box.X - 1), y0 = Math.Max(0, box.Y - 1);
        int x1 = Math.Min(grey.Cols, box.Right + 1), y1 = Math.Min(grey.Rows, box.Bottom + 1);
        using Mat crop = grey[new Rect(x0, y0, Math.Max(1, x1 - x0), Math.Max(1, y1 - y0))];
        using var scaled = new Mat();
        Cv2.Resize(crop, scaled, new Size(Side, Side), 0, 0, InterpolationFlags.Area);
        Cv2.Normalize(scaled, scaled, 0, 255, NormTypes.MinMax);
        float[] hog = _hog.Compute(scaled);
        var features = new float[Length];
        Array.Copy(hog, features, Math.Min(hog.Length, 324));
        using var grid = new Mat();
        Cv2.Resize(scaled, grid, new Size(6, 6), 0, 0, InterpolationFlags.Area);
        grid.GetArray(out byte[] cells);
        for (int i = 0; i < 36; i++) features[324 + i] = (255 - cells[i]) / 255f;
        features[360] = box.Width / (float)box.Height;
        features[361] = box.Height / (float)RectifiedLine.CharHeight;
        return features;
    }

    public void Dispose() => _hog.Dispose();
}
