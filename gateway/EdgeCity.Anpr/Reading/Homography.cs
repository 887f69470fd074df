using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The perspective transform taking four points to four others, as OpenCV's <c>getPerspectiveTransform</c> computes it:
/// the same 8×8 system (c22 = 1), solved by the same Gaussian elimination with partial pivoting as its <c>hal::LU64f</c>,
/// to the bit (a test compares them on real and random quadrilaterals). Where OpenCV would not keep that solution (a
/// singular system, or one whose residual is not under 1e-8: it then solves for all nine coefficients by SVD) — which a
/// row's warp never comes near — OpenCV itself is asked. Every warp needs two (to the line and back, ~60 a frame);
/// OpenCV's call cost ~6 µs each on the benchmark's VM, against ~1 here.
/// </summary>
internal static class Homography
{
    /// <summary>The 3×3 transform (CV_64FC1) taking <paramref name="source"/>[i] to <paramref name="target"/>[i], i = 0…3.</summary>
    /// <exception cref="ArgumentException">Not four points each.</exception>
    public static Mat Between(ReadOnlySpan<Point2f> source, ReadOnlySpan<Point2f> target)
    {
        if (source.Length != 4 || target.Length != 4) throw new ArgumentException($"a perspective transform needs four points each, got {source.Length} and {target.Length}");
        Span<double> m = stackalloc double[9];
        if (!Solve(source, target, m)) return Cv2.GetPerspectiveTransform(source.ToArray(), target.ToArray());
        var result = new Mat(3, 3, MatType.CV_64FC1);
        m.CopyTo(result.AsSpan<double>());
        return result;
    }

    /// <summary>
    /// <paramref name="points"/> mapped by the 3×3 transform <paramref name="m"/> (CV_64FC1), as OpenCV's
    /// <c>perspectiveTransform</c> maps them (in double, each rounded to float; (0, 0) where the point maps to infinity):
    /// the same floats (a test compares them), without its native call (~2 µs, ~5 a row).
    /// </summary>
    public static Point2f[] Map(ReadOnlySpan<Point2f> points, Mat m)
    {
        if (m.Type() != MatType.CV_64FC1 || m.Rows != 3 || m.Cols != 3 || !m.IsContinuous()) return Cv2.PerspectiveTransform(points.ToArray(), m);
        ReadOnlySpan<double> c = m.AsSpan<double>();
        var mapped = new Point2f[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            float x = points[i].X, y = points[i].Y;
            double w = (x * c[6]) + (y * c[7]) + c[8];
            if (Math.Abs(w) <= FloatEpsilon) continue;
            w = 1 / w;
            mapped[i] = new Point2f((float)(((x * c[0]) + (y * c[1]) + c[2]) * w), (float)(((x * c[3]) + (y * c[4]) + c[5]) * w));
        }

        return mapped;
    }

    // FLT_EPSILON: OpenCV's bound on the homogeneous coordinate.
    private const double FloatEpsilon = 1.1920928955078125e-07;

    /// <summary>
    /// Writes the transform's nine coefficients, row by row, to <paramref name="m"/>; false where OpenCV would not keep
    /// this solution (<paramref name="m"/> is then no answer).
    /// </summary>
    internal static bool Solve(ReadOnlySpan<Point2f> source, ReadOnlySpan<Point2f> target, Span<double> m)
    {
        Span<double> a = stackalloc double[64];
        Span<double> b = stackalloc double[8];
        for (int i = 0; i < 4; i++)
        {
            // OpenCV's products are of floats, in float: -src.x * dst.x.
            a[(i * 8) + 0] = a[((i + 4) * 8) + 3] = source[i].X;
            a[(i * 8) + 1] = a[((i + 4) * 8) + 4] = source[i].Y;
            a[(i * 8) + 2] = a[((i + 4) * 8) + 5] = 1;
            a[(i * 8) + 3] = a[(i * 8) + 4] = a[(i * 8) + 5] = a[((i + 4) * 8) + 0] = a[((i + 4) * 8) + 1] = a[((i + 4) * 8) + 2] = 0;
            a[(i * 8) + 6] = -source[i].X * target[i].X;
            a[(i * 8) + 7] = -source[i].Y * target[i].X;
            a[((i + 4) * 8) + 6] = -source[i].X * target[i].Y;
            a[((i + 4) * 8) + 7] = -source[i].Y * target[i].Y;
            b[i] = target[i].X;
            b[i + 4] = target[i].Y;
        }

        Span<double> system = stackalloc double[64 + 8];
        a.CopyTo(system);
        b.CopyTo(system[64..]);
        if (!Lu(a, b)) return false;
        for (int k = 0; k < 8; k++) m[k] = b[k];
        m[8] = 1;
        // OpenCV keeps the solution where ‖A·x − b‖ < 1e-8; its residual is summed in another order than this one, so
        // near that bound (never for a row's warp: ~1e-11) OpenCV decides.
        double residual = 0;
        for (int i = 0; i < 8; i++)
        {
            double r = -system[64 + i];
            for (int k = 0; k < 8; k++) r += system[(i * 8) + k] * b[k];
            residual += r * r;
        }

        return Math.Sqrt(residual) < MaxResidual;
    }

    // A tenth of OpenCV's bound (1e-8).
    private const double MaxResidual = 1e-9;

    // OpenCV's LUImpl for an 8×8 system with one right-hand side: false where a pivot is under its epsilon (singular).
    private static bool Lu(Span<double> a, Span<double> b)
    {
        const int n = 8;
        const double eps = 100 * 2.220446049250313e-16; // DBL_EPSILON * 100, as OpenCV's
        for (int i = 0; i < n; i++)
        {
            int k = i;
            for (int j = i + 1; j < n; j++)
            {
                if (Math.Abs(a[(j * n) + i]) > Math.Abs(a[(k * n) + i])) k = j;
            }

            if (Math.Abs(a[(k * n) + i]) < eps) return false;
            if (k != i)
            {
                for (int j = i; j < n; j++) (a[(i * n) + j], a[(k * n) + j]) = (a[(k * n) + j], a[(i * n) + j]);
                (b[i], b[k]) = (b[k], b[i]);
            }

            double d = -1 / a[(i * n) + i];
            for (int j = i + 1; j < n; j++)
            {
                double alpha = a[(j * n) + i] * d;
                for (k = i + 1; k < n; k++) a[(j * n) + k] += alpha * a[(i * n) + k];
                b[j] += alpha * b[i];
            }
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= a[(i * n) + k] * b[k];
            b[i] = s / a[(i * n) + i];
        }

        return true;
    }
}
