using System.Globalization;
using OpenCvSharp;

namespace EdgeCity.Anpr.Camera;

/// <summary>
/// A camera's region of interest: the polygon(s) of the frame where plates may be (the lanes), so that shop signs and
/// the far side of the street are never searched. Written as <c>x,y x,y x,y …</c> in pixels, polygons separated by <c>;</c>.
/// </summary>
public sealed class RoiMask
{
    private readonly Point[][] _polygons;

    private RoiMask(Point[][] polygons) => _polygons = polygons;

    /// <summary>The polygons, px.</summary>
    public IReadOnlyList<IReadOnlyList<Point>> Polygons => _polygons;

    /// <summary>Parses <c>x,y x,y x,y[; …]</c>; the error names the polygon, the point and what was expected.</summary>
    public static RoiMask Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var polygons = new List<Point[]>();
        string[] parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int p = 0; p < parts.Length; p++)
        {
            string[] points = parts[p].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (points.Length < 3) throw new FormatException($"ROI polygon {p + 1}: expected at least 3 points 'x,y', got {points.Length}");
            var polygon = new Point[points.Length];
            for (int i = 0; i < points.Length; i++)
            {
                string[] xy = points[i].Split(',');
                if (xy.Length != 2 || !int.TryParse(xy[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int x)
                    || !int.TryParse(xy[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int y) || x < 0 || y < 0)
                {
                    throw new FormatException($"ROI polygon {p + 1}, point {i + 1}: expected 'x,y' in non-negative pixels, got '{points[i]}'");
                }

                polygon[i] = new Point(x, y);
            }

            polygons.Add(polygon);
        }

        if (polygons.Count == 0) throw new FormatException("ROI: expected at least one polygon 'x,y x,y x,y'");
        return new RoiMask([.. polygons]);
    }

    /// <summary>The 8-bit mask for a frame of <paramref name="size"/>: 255 inside the polygons, 0 outside.</summary>
    public Mat ToMat(Size size)
    {
        var mask = new Mat(size, MatType.CV_8UC1, Scalar.All(0));
        Cv2.FillPoly(mask, _polygons, Scalar.All(255));
        return mask;
    }
}
