using EdgeCity.Anpr;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Cli.Benchmarks.AnprBench;

/// <summary>
/// Where a false plate (a reading that is not the true text) was read, from its box centre mapped into the true
/// plate's millimetre coordinates: on the plate itself (a misread), on the dealer frame around it, elsewhere on the car
/// (grille, headlights, bumper), or in the background (signs, buildings). In a scene without a plate it is "no-plate scene".
/// </summary>
internal static class FalsePlateSource
{
    public const string OnPlate = "on plate (misread)";
    public const string Frame = "frame beside plate";
    public const string Car = "car (grille, lights)";
    public const string Background = "background (signs)";
    public const string NoPlateScene = "no-plate scene";

    public static IReadOnlyList<string> All { get; } = [OnPlate, Frame, Car, Background, NoPlateScene];

    public static string Of(PlateReading reading, PlateTruth? truth)
    {
        if (truth is null) return NoPlateScene;
        float hw = (float)truth.Plate.WidthMm / 2, hh = (float)truth.Plate.HeightMm / 2;
        Point2f[] mm = [new(-hw, -hh), new(hw, -hh), new(hw, hh), new(-hw, hh)];
        Point2f[] px = truth.Corners.Select(c => new Point2f(c.X, c.Y)).ToArray();
        using Mat toMm = Cv2.GetPerspectiveTransform(px, mm);
        Point2f centre = Cv2.PerspectiveTransform([new Point2f(reading.X + (reading.Width / 2f), reading.Y + (reading.Height / 2f))], toMm)[0];
        float x = Math.Abs(centre.X), y = centre.Y;
        if (x <= hw && y >= -hh && y <= hh) return OnPlate;
        // The dealer frame: 14 mm each side, 12 above, 26 below (its text line).
        if (x <= hw + 20 && y >= -hh - 20 && y <= hh + 35) return Frame;
        // The car front drawn around the plate (SceneRenderer.DrawCar): ±920 mm wide, windscreen to the ground.
        return x <= 920 && y >= -1050 && y <= 450 ? Car : Background;
    }
}
