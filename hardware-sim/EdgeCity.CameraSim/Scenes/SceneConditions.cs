using EdgeCity.CameraSim.Plates;

namespace EdgeCity.CameraSim.Scenes;

/// <summary>Everything that makes one synthetic scene hard; drawn by <see cref="SceneGenerator"/> from its seed.</summary>
public sealed record SceneConditions
{
    /// <summary>The plate, or null for a scene with no plate at all (signs and cars only).</summary>
    public PlateSpec? Plate { get; init; }

    /// <summary>Plate width in pixels were it seen head-on (sets the distance), px.</summary>
    public double PlateWidthPx { get; init; } = 180;

    /// <summary>Turn of the car's front about the vertical, degrees, −30…30.</summary>
    public double YawDeg { get; init; }

    /// <summary>Camera looking down, degrees.</summary>
    public double PitchDeg { get; init; } = 8;

    /// <summary>Roll, degrees.</summary>
    public double RollDeg { get; init; }

    /// <summary>Lighting.</summary>
    public Lighting Lighting { get; init; } = Lighting.Day;

    /// <summary>Gaussian blur, px (0 for none).</summary>
    public double BlurSigmaPx { get; init; }

    /// <summary>Extra horizontal blur from motion, px (0 for none).</summary>
    public double MotionBlurPx { get; init; }

    /// <summary>Sensor noise standard deviation, grey levels.</summary>
    public double NoiseSigma { get; init; }

    /// <summary>JPEG quality, 1…100.</summary>
    public int JpegQuality { get; init; } = 90;

    /// <summary>Mud and dust spots on the plate.</summary>
    public bool Dirt { get; init; }

    /// <summary>Something (a tow bar, a pole) in front of part of the plate.</summary>
    public bool Occlusion { get; init; }

    /// <summary>A dealer's plate frame with small text around the plate.</summary>
    public bool PlateFrame { get; init; }

    /// <summary>A radiator grille of horizontal bars above the plate.</summary>
    public bool Grille { get; init; }

    /// <summary>Number of text signs in the background.</summary>
    public int Signs { get; init; }

    /// <summary>Which font face the plate is drawn with.</summary>
    public int FontFace { get; init; }

    /// <summary>Seed of the renderer's own randomness (colours, positions, noise).</summary>
    public int RenderSeed { get; init; }
}
