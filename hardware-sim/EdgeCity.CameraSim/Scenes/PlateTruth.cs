using EdgeCity.CameraSim.Plates;
using SkiaSharp;

namespace EdgeCity.CameraSim.Scenes;

/// <summary>Ground truth of one plate in a scene: what it says and where its four corners are in the image.</summary>
/// <param name="Plate">The plate.</param>
/// <param name="Corners">Top-left, top-right, bottom-right, bottom-left, px.</param>
public sealed record PlateTruth(PlateSpec Plate, IReadOnlyList<SKPoint> Corners)
{
    /// <summary>Axis-aligned bounding box of the corners, px.</summary>
    public SKRectI Box
    {
        get
        {
            float l = Corners.Min(c => c.X), t = Corners.Min(c => c.Y), r = Corners.Max(c => c.X), b = Corners.Max(c => c.Y);
            return new SKRectI((int)l, (int)t, (int)Math.Ceiling(r), (int)Math.Ceiling(b));
        }
    }
}
