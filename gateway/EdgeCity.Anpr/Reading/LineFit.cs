using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>Least-squares lines y = intercept + slope·x through character tops or bottoms (frame pixels).</summary>
internal static class LineFit
{
    /// <summary>The least-squares line, its slope limited to ±0.35 (a plate is never steeper).</summary>
    public static (float Intercept, float Slope) Fit(Point2f[] points)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (Point2f p in points)
        {
            sx += p.X; sy += p.Y; sxx += p.X * (double)p.X; sxy += p.X * (double)p.Y;
        }

        int n = points.Length;
        double d = (n * sxx) - (sx * sx);
        double slope = Math.Abs(d) < 1e-6 ? 0 : Math.Clamp(((n * sxy) - (sx * sy)) / d, -0.35, 0.35);
        return ((float)((sy - (slope * sx)) / n), (float)slope);
    }
}
