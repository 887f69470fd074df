using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Cli.Benchmarks.AnprScaleBench;

/// <summary>
/// One way of showing a rendered 1280×720 scene at another size, as a different camera or a phone would have taken it:
/// the whole frame resampled, a crop of another aspect resampled, or a close-up (a crop around the plate scaled so the
/// plate is a given width). Real resampling — OpenCV's area interpolation down, bicubic up — then JPEG at
/// <see cref="JpegQuality"/>, so the reader sees the blocks and ringing a real file has.
/// </summary>
/// <param name="Name">The row's label, e.g. <c>1920x1080 whole</c>.</param>
/// <param name="Width">Frame width, px (a close-up's frame is smaller where the scene has too little around the plate).</param>
/// <param name="Height">Frame height, px.</param>
/// <param name="Kind">What is taken from the scene.</param>
/// <param name="PlateWidthPx">For <see cref="PresentationKind.CloseUp"/>: the plate's width in the new frame, px.</param>
internal sealed record ScenePresentation(string Name, int Width, int Height, PresentationKind Kind, int PlateWidthPx = 0)
{
    /// <summary>Quality of the re-encoded JPEG: a camera's or a phone's default, not the scene's own (which can be 35).</summary>
    public const int JpegQuality = 90;

    /// <summary>The sizes <c>bench anpr-scale</c> measures: the rendered frame, whole frames down and up, 4:3 crops, close-ups.</summary>
    public static IReadOnlyList<ScenePresentation> All { get; } =
    [
        new("1280x720 as rendered", 1280, 720, PresentationKind.AsRendered),
        new("640x360 whole", 640, 360, PresentationKind.Whole),
        new("576x432 4:3 crop", 576, 432, PresentationKind.Crop),
        new("1920x1080 whole", 1920, 1080, PresentationKind.Whole),
        new("1920x1080 rendered", 1920, 1080, PresentationKind.Rendered),
        new("3840x2160 whole", 3840, 2160, PresentationKind.Whole),
        new("4032x3024 4:3 crop", 4032, 3024, PresentationKind.Crop),
        new("close-up 300px in 1280x960", 1280, 960, PresentationKind.CloseUp, 300),
        new("close-up 500px in 1600x1200", 1600, 1200, PresentationKind.CloseUp, 500),
        new("close-up 800px in 1600x1200", 1600, 1200, PresentationKind.CloseUp, 800),
    ];

    /// <summary>
    /// For <see cref="PresentationKind.Rendered"/>: the scene's conditions for a frame this size, every length in
    /// pixels (the plate's width, focus and motion blur) scaled with the frame's height: the same shot, taken sharp by
    /// a camera of more pixels (a bicubic enlargement has no detail finer than the rendered frame's).
    /// </summary>
    public SceneConditions Scaled(SceneConditions conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        double scale = Height / (double)SceneGenerator.Height;
        return conditions with { PlateWidthPx = conditions.PlateWidthPx * scale, BlurSigmaPx = conditions.BlurSigmaPx * scale, MotionBlurPx = conditions.MotionBlurPx * scale };
    }

    /// <summary>The encoded image of <paramref name="frame"/> (the decoded scene) with its plate in <paramref name="plate"/>; null for <see cref="PresentationKind.AsRendered"/> (read the scene's own JPEG) and <see cref="PresentationKind.Rendered"/> (rendered at the size).</summary>
    public byte[]? Encode(Mat frame, Rect plate)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (Kind is PresentationKind.AsRendered or PresentationKind.Rendered) return null;
        (Rect source, Size size) = Kind switch
        {
            PresentationKind.Whole => (new Rect(0, 0, frame.Cols, frame.Rows), new Size(Width, Height)),
            // The largest crop of the frame's height at this aspect, centred on the plate as far as the frame allows.
            PresentationKind.Crop => (Around(plate, (int)Math.Round(frame.Rows * (double)Width / Height), frame.Rows, frame.Size()), new Size(Width, Height)),
            _ => CloseUp(frame.Size(), plate),
        };
        using var view = new Mat(frame, source);
        using var resized = new Mat();
        InterpolationFlags interpolation = size.Width < source.Width ? InterpolationFlags.Area : InterpolationFlags.Cubic;
        Cv2.Resize(view, resized, size, 0, 0, interpolation);
        Cv2.ImEncode(".jpg", resized, out byte[] jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, JpegQuality));
        return jpeg;
    }

    // The crop around the plate whose scaling makes the plate PlateWidthPx wide in a Width×Height frame; where the scene
    // has less than that around the plate, the frame shrinks (keeping the scale: the plate is what the row is about).
    private (Rect Source, Size Size) CloseUp(Size frame, Rect plate)
    {
        double scale = PlateWidthPx / (double)Math.Max(1, plate.Width);
        int fullW = (int)Math.Round(Width / scale), fullH = (int)Math.Round(Height / scale);
        int w = Math.Min(frame.Width, fullW), h = Math.Min(frame.Height, fullH);
        return (Around(plate, w, h, frame), new Size(w == fullW ? Width : (int)Math.Round(w * scale), h == fullH ? Height : (int)Math.Round(h * scale)));
    }

    private static Rect Around(Rect plate, int w, int h, Size frame)
    {
        w = Math.Min(w, frame.Width);
        h = Math.Min(h, frame.Height);
        int x = Math.Clamp(plate.X + (plate.Width / 2) - (w / 2), 0, frame.Width - w);
        int y = Math.Clamp(plate.Y + (plate.Height / 2) - (h / 2), 0, frame.Height - h);
        return new Rect(x, y, w, h);
    }
}

/// <summary>What a <see cref="ScenePresentation"/> takes from the scene.</summary>
internal enum PresentationKind
{
    /// <summary>The rendered JPEG itself (the reference row).</summary>
    AsRendered,

    /// <summary>The scene rendered at the size, its lengths in pixels scaled (<see cref="ScenePresentation.Scaled"/>).</summary>
    Rendered,

    /// <summary>The whole frame resampled to the size.</summary>
    Whole,

    /// <summary>A crop of the frame's full height at the size's aspect around the plate, resampled.</summary>
    Crop,

    /// <summary>A crop around the plate scaled so the plate has a given width.</summary>
    CloseUp,
}
