using EdgeCity.CameraSim.Scenes;

namespace EdgeCity.Cli.Benchmarks.AnprTrackBench;

/// <summary>
/// The frames a street camera takes of one car coming nearer: a scene's own conditions (street, car, plate, lighting,
/// noise, JPEG — the same render seed), the plate <see cref="Growth"/> times wider each frame and its motion blur with it
/// (the same speed, seen nearer), its yaw turning <see cref="YawStepDeg"/> a frame. The frames are centred on the scene:
/// the middle one is the scene as <c>bench anpr</c> reads it, so the set's sizes and blurs stay those of the single-frame
/// benchmark rather than drifting to the easy near end.
/// </summary>
internal static class PassingCar
{
    /// <summary>How much wider the plate is from one frame to the next: a car at 30 km/h, 15–25 m away, at 5–10 frames a second.</summary>
    public const double Growth = 1.08;

    /// <summary>How far the plate turns from one frame to the next, degrees of yaw (a car passing at the side of the view).</summary>
    public const double YawStepDeg = 1.5;

    /// <summary>The conditions of <paramref name="frames"/> frames of the car of <paramref name="scene"/>.</summary>
    public static IReadOnlyList<SceneConditions> Frames(SceneConditions scene, int frames)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        double middle = (frames - 1) / 2.0;
        var list = new List<SceneConditions>(frames);
        for (int k = 0; k < frames; k++)
        {
            double scale = Math.Pow(Growth, k - middle);
            list.Add(scene with
            {
                PlateWidthPx = scene.PlateWidthPx * scale,
                MotionBlurPx = scene.MotionBlurPx * scale,
                YawDeg = Math.Clamp(scene.YawDeg + ((k - middle) * YawStepDeg), -30, 30),
            });
        }

        return list;
    }
}
