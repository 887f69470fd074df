using EdgeCity.CameraSim.Plates;
using EdgeCity.HardwareSim.Time;

namespace EdgeCity.CameraSim.Scenes;

/// <summary>
/// The "hard mix" of street-camera scenes, seeded: scene <c>i</c> of seed <c>s</c> is always the same picture, whatever
/// was generated before it. Korean plates of every format and colour (80 %), European plates (15 %), and scenes with
/// no plate (5 %); angles to ±30°, distances from far to near, day/night/infrared, blur, noise, JPEG, dirt,
/// occlusion, plate frames, grilles and text-like signs.
/// </summary>
public sealed class SceneGenerator : IDisposable
{
    /// <summary>Frame width, px.</summary>
    public const int Width = 1280;

    /// <summary>Frame height, px.</summary>
    public const int Height = 720;

    private readonly int _seed;
    private readonly SceneRenderer _renderer;

    /// <summary>A generator of 1280×720 frames for <paramref name="seed"/>.</summary>
    public SceneGenerator(int seed)
        : this(seed, Width, Height)
    {
    }

    /// <summary>A generator of smaller frames (the same plates, cropped views: cheap training data).</summary>
    public SceneGenerator(int seed, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 320);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 180);
        _seed = seed;
        _renderer = new SceneRenderer(width, height);
    }

    /// <summary>The conditions of scene <paramref name="index"/>, without rendering it.</summary>
    public SceneConditions Conditions(int index)
    {
        var random = new Random(SeedMix.Combine(_seed, index));
        double pick = random.NextDouble();
        PlateSpec? plate = pick switch
        {
            < 0.18 => PlateTextGenerator.Next(PlateStyle.KrTwoDigit, random),
            < 0.44 => PlateTextGenerator.Next(PlateStyle.KrThreeDigit, random),
            < 0.62 => PlateTextGenerator.Next(PlateStyle.KrRegionalTwoLine, random),
            < 0.80 => PlateTextGenerator.Next(PlateStyle.KrRegionalStacked, random),
            < 0.95 => PlateTextGenerator.Next(PlateStyle.Eu, random),
            _ => null,
        };
        double light = random.NextDouble();
        double blur = random.NextDouble();
        return new SceneConditions
        {
            Plate = plate,
            // Log-uniform distance: as many far plates as near ones.
            PlateWidthPx = plate?.Style == PlateStyle.KrRegionalTwoLine
                ? 60 * Math.Exp(random.NextDouble() * Math.Log(190.0 / 60))
                : 95 * Math.Exp(random.NextDouble() * Math.Log(290.0 / 95)),
            YawDeg = (random.NextDouble() * 60) - 30,
            PitchDeg = 3 + (random.NextDouble() * 15),
            RollDeg = (random.NextDouble() * 8) - 4,
            Lighting = light < 0.7 ? Lighting.Day : light < 0.88 ? Lighting.Night : Lighting.Infrared,
            BlurSigmaPx = blur < 0.5 ? 0 : 0.4 + (random.NextDouble() * 1.1),
            MotionBlurPx = blur > 0.85 ? 0.8 + (random.NextDouble() * 1.7) : 0,
            NoiseSigma = random.NextDouble() * 9,
            JpegQuality = 35 + random.Next(61),
            Dirt = random.NextDouble() < 0.2,
            Occlusion = random.NextDouble() < 0.1,
            PlateFrame = random.NextDouble() < 0.4,
            Grille = random.NextDouble() < 0.7,
            Signs = random.Next(4),
            FontFace = random.Next(64),
            RenderSeed = random.Next(),
        };
    }

    /// <summary>Renders scene <paramref name="index"/>.</summary>
    public SyntheticScene Scene(int index) => Render(index, Conditions(index));

    /// <summary>Renders a scene under <paramref name="conditions"/> (e.g. <see cref="Conditions"/> with a change).</summary>
    public SyntheticScene Render(int index, SceneConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        (byte[] jpeg, IReadOnlyList<PlateTruth> plates) = _renderer.Render(conditions);
        return new SyntheticScene(index, jpeg, conditions, plates);
    }

    /// <inheritdoc />
    public void Dispose() => _renderer.Dispose();
}
