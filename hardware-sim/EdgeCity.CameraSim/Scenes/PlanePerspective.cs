using SkiaSharp;

namespace EdgeCity.CameraSim.Scenes;

/// <summary>
/// The pinhole projection of a vertical plane (a car's front, in millimetres, origin at the plate centre, x right,
/// y down) into the image: the plane is turned by yaw (about the vertical), pitch (camera looking down) and roll,
/// pushed to a depth, and projected with focal length <see cref="FocalPx"/> so that the origin lands on a chosen pixel.
/// </summary>
public sealed class PlanePerspective
{
    private readonly double[] _h = new double[9];

    /// <summary>Focal length in pixels (a 1280-wide street camera with a ~50° field of view).</summary>
    public const double FocalPx = 1400;

    /// <summary>Builds the projection.</summary>
    /// <param name="centreX">Image column of the plane's origin, px.</param>
    /// <param name="centreY">Image row of the plane's origin, px.</param>
    /// <param name="depthMm">Distance from the camera to the origin, mm.</param>
    /// <param name="yawDeg">Turn about the vertical axis, degrees (±30 for the benchmark).</param>
    /// <param name="pitchDeg">Camera looking down at the plane, degrees.</param>
    /// <param name="rollDeg">In-image rotation, degrees.</param>
    public PlanePerspective(double centreX, double centreY, double depthMm, double yawDeg, double pitchDeg, double rollDeg)
    {
        double y = yawDeg * Math.PI / 180, p = pitchDeg * Math.PI / 180, r = rollDeg * Math.PI / 180;
        // R = Rz(roll) · Rx(pitch) · Ry(yaw); only its first two columns matter for points on the plane (z = 0).
        double[,] ry = { { Math.Cos(y), 0, Math.Sin(y) }, { 0, 1, 0 }, { -Math.Sin(y), 0, Math.Cos(y) } };
        double[,] rx = { { 1, 0, 0 }, { 0, Math.Cos(p), -Math.Sin(p) }, { 0, Math.Sin(p), Math.Cos(p) } };
        double[,] rz = { { Math.Cos(r), -Math.Sin(r), 0 }, { Math.Sin(r), Math.Cos(r), 0 }, { 0, 0, 1 } };
        double[,] m = Multiply(rz, Multiply(rx, ry));
        const double f = FocalPx;
        // A plane point (x, y) is the 3-D point (x, -y, 0): image y grows downwards, world y upwards.
        double[] cx = [m[0, 0], m[1, 0], m[2, 0]];
        double[] cy = [-m[0, 1], -m[1, 1], -m[2, 1]];
        _h[0] = (f * cx[0]) + (centreX * cx[2]); _h[1] = (f * cy[0]) + (centreX * cy[2]); _h[2] = centreX * depthMm;
        _h[3] = (-f * cx[1]) + (centreY * cx[2]); _h[4] = (-f * cy[1]) + (centreY * cy[2]); _h[5] = centreY * depthMm;
        _h[6] = cx[2]; _h[7] = cy[2]; _h[8] = depthMm;
        for (int i = 0; i < 9; i++) _h[i] /= depthMm;
    }

    /// <summary>The image point of plane point (<paramref name="x"/>, <paramref name="y"/>) mm.</summary>
    public SKPoint Project(double x, double y)
    {
        double w = (_h[6] * x) + (_h[7] * y) + _h[8];
        return new SKPoint((float)(((_h[0] * x) + (_h[1] * y) + _h[2]) / w), (float)(((_h[3] * x) + (_h[4] * y) + _h[5]) / w));
    }

    /// <summary>The projection as a Skia matrix, to draw in plane millimetres.</summary>
    public SKMatrix ToMatrix() => new(
        (float)_h[0], (float)_h[1], (float)_h[2],
        (float)_h[3], (float)_h[4], (float)_h[5],
        (float)_h[6], (float)_h[7], (float)_h[8]);

    /// <summary>The depth that makes a plane width of <paramref name="widthMm"/> appear <paramref name="widthPx"/> wide head-on.</summary>
    public static double DepthFor(double widthMm, double widthPx) => FocalPx * widthMm / widthPx;

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var c = new double[3, 3];
        for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
        for (int k = 0; k < 3; k++) c[i, j] += a[i, k] * b[k, j];
        return c;
    }
}
