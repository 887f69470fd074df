using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>The colour of a plate's background as the frame shows it: evidence of the plate's use only where it is sure.</summary>
internal enum PlateBackground
{
    /// <summary>No evidence: a grey (infrared) frame, a colour cast over the whole frame, too dark, too few pixels, or between colours.</summary>
    Unknown,

    White,

    Yellow,

    Blue,

    Green,
}

/// <summary>
/// Measures <see cref="PlateBackground"/> from the colour frame under a rectified line: the light (background) pixels of
/// the line's main band between its characters — the warp always shows dark text on light, so they are the plate's paint
/// and not its ink — mapped back into the frame, their mean colour as hue, saturation and value. It answers only where
/// the colour is far from every other plate colour's: a white plate's background is nearly unsaturated, a yellow one's
/// strongly saturated; in between (a white plate under a warm lamp, dusk light, JPEG's smeared chroma) it says Unknown.
/// An infrared frame is grey throughout (a yellow plate there is as white as a white one), and a frame with a colour cast
/// over all of it (sodium street light) tints every plate: both are <see cref="FrameShowsColour"/>'s to refuse, and then
/// no plate of the frame has a colour.
/// </summary>
internal static class PlateBackgroundColour
{
    /// <summary>Fewest background samples a colour is measured from.</summary>
    public const int MinSamples = 40;



    /// <summary>
    /// Whether <paramref name="frame"/> (BGR) is a colour picture whose colours can be believed: at least
    /// <see cref="MinColourFraction"/> of its pixels clearly coloured (an infrared or monochrome frame has none: its
    /// grey has saturation ~0), and its mean colour nearly grey (a frame lit by sodium lamps or dusk is orange on
    /// average — its white plates yellowish, and nothing in it tells them from yellow ones). On a 40×… copy (area average).
    /// </summary>
    public static bool FrameShowsColour(Mat frame)
    {
        if (frame.Channels() != 3) return false;
        using var small = new Mat();
        Cv2.Resize(frame, small, new Size(80, Math.Max(1, (int)Math.Round(80.0 * frame.Rows / frame.Cols))), 0, 0, InterpolationFlags.Area);
        int coloured = 0, n = 0;
        double b = 0, g = 0, r = 0;
        int rows = small.Rows, cols = small.Cols;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < cols; x++)
            {
                Vec3b p = small.At<Vec3b>(y, x);
                (double _, double s, double v) = Hsv(p.Item0, p.Item1, p.Item2);
                if (s >= 0.25 && v >= 0.2) coloured++;
                b += p.Item0;
                g += p.Item1;
                r += p.Item2;
                n++;
            }
        }

        (double _, double castSaturation, double _) = Hsv(b / n, g / n, r / n);
        return coloured >= MinColourFraction * n && castSaturation <= MaxCastSaturation;
    }

    /// <summary>Least fraction of a frame's pixels clearly coloured for it to be a colour picture.</summary>
    public const double MinColourFraction = 0.03;

    /// <summary>Most saturation the frame's mean colour may have: more is a cast over the whole picture.</summary>
    public const double MaxCastSaturation = 0.2;

    /// <summary>
    /// The background colour of the plate <paramref name="line"/> was read on, under a reading's <paramref name="extent"/>
    /// (its characters' columns; the main band's rows), from <paramref name="frame"/> (BGR); <paramref name="scale"/> maps the
    /// line's frame pixels (the reading level's) into it. The warp's lighter 40 % are the background, its darker 40 % the
    /// ink; the two must stand as a plate's paint and ink do (<see cref="InkFits"/>): a row of a whole plate body, whose
    /// warp shows the plate's ink light and its body dark, or a band that takes in the car's paint, is no plate's
    /// background. Where the warp shows the plate's characters light (<paramref name="charactersLight"/>: a row of a white
    /// plate's whole body, warped as light text is and read so by the line network, <see cref="InkPolarity"/>), its
    /// darker pixels are the plate's paint and its lighter ones the ink.
    /// </summary>
    public static PlateBackground Measure(Mat frame, double scale, RectifiedLine line, GlyphBox extent, bool charactersLight = false)
    {
        int left = Math.Max(extent.X, 0), right = Math.Min(extent.Right, line.Width);
        int top = RectifiedLine.MainTop + 4, bottom = RectifiedLine.MainBottom - 4;
        if (right - left < RectifiedLine.CharHeight) return PlateBackground.Unknown;
        var points = new List<Point2f>();
        var greys = new List<byte>();
        Mat warp = line.Grey;
        for (int y = top; y < bottom; y += 2)
        {
            for (int x = left; x < right; x += 2)
            {
                points.Add(new Point2f(x, y));
                greys.Add(warp.At<byte>(y, x));
            }
        }

        // The background: the lighter 40 % of the band; the ink the darker 40 % (a plate line's ink covers a third of it or more).
        byte[] sorted = [.. greys];
        Array.Sort(sorted);
        byte light = sorted[(int)(sorted.Length * 0.6)], dark = sorted[(int)(sorted.Length * 0.4)];
        if (light <= dark) return PlateBackground.Unknown;
        Point2f[] mapped = Homography.Map(points.ToArray(), line.ToFrame);
        int frameCols = frame.Cols, frameRows = frame.Rows;
        var background = new Mean();
        var ink = new Mean();
        var paint = new List<Vec3b>();
        for (int i = 0; i < mapped.Length; i++)
        {
            if (greys[i] > dark && greys[i] < light) continue;
            int fx = (int)(mapped[i].X * scale), fy = (int)(mapped[i].Y * scale);
            if (fx < 0 || fy < 0 || fx >= frameCols || fy >= frameRows) continue;
            Vec3b p = frame.At<Vec3b>(fy, fx);
            bool isPaint = (greys[i] >= light) != charactersLight;
            (isPaint ? background : ink).Add(p);
            if (isPaint) paint.Add(p);
        }

        if (background.N < MinSamples || ink.N < MinSamples) return PlateBackground.Unknown;
        PlateBackground colour = Classify(background.B, background.G, background.R);
        // One paint: most background samples are that colour each (a band that mixes the car's paint with a plate's ink
        // or body averages to a colour none of its pixels has: a white plate on a green car).
        int same = paint.Count(p => Classify(p.Item0, p.Item1, p.Item2) == colour);
        return same >= MinSameShare * paint.Count && InkFits(colour, Hsv(background.B, background.G, background.R), Hsv(ink.B, ink.G, ink.R))
            ? colour : PlateBackground.Unknown;
    }

    /// <summary>
    /// Whether the ink under a background of <paramref name="colour"/> is a plate's of that colour: dark text on the light
    /// plates (white, yellow, light blue: the ink well darker than the paint), white text on a green one (the ink light and
    /// unsaturated, well lighter than the paint).
    /// </summary>
    public static bool InkFits(PlateBackground colour, (double H, double S, double V) background, (double H, double S, double V) ink) => colour switch
    {
        PlateBackground.Unknown => false,
        PlateBackground.Green => ink.V >= background.V + MinLightInkContrast && ink.S <= 0.25,
        _ => ink.V <= background.V - MinDarkInkContrast,
    };

    /// <summary>Least share of the background samples that must each be the colour their mean is.</summary>
    public const double MinSameShare = 0.7;

    /// <summary>
    /// Least difference of value (0–1) by which a light plate's ink must be darker than its paint. Small: the darker 40 %
    /// of a small, blurred line's band are mostly paint shaded by the strokes' blur (a 100-px yellow plate: paint 0.69,
    /// "ink" 0.59); the sign of the difference is what tells a row of the plate's text from a row of its whole body.
    /// </summary>
    public const double MinDarkInkContrast = 0.05;

    /// <summary>Least difference of value by which a green plate's white ink must be lighter than its paint.</summary>
    public const double MinLightInkContrast = 0.15;

    // A running mean colour (B, G, R).
    private sealed class Mean
    {
        private double _b, _g, _r;

        public int N { get; private set; }

        public double B => _b / N;

        public double G => _g / N;

        public double R => _r / N;

        public void Add(Vec3b p)
        {
            _b += p.Item0;
            _g += p.Item1;
            _r += p.Item2;
            N++;
        }
    }

    /// <summary>
    /// A plate background's colour from its mean (B, G, R, 0–255): only inside each colour's own range, far from the others'
    /// (the renderer's and the road's: yellow ~45° at saturation ~0.85, light blue ~207° at ~0.45, green ~146° at ~0.65,
    /// white under 0.05). A dark band (the plate unlit) has no colour to measure.
    /// </summary>
    public static PlateBackground Classify(double b, double g, double r)
    {
        (double h, double s, double v) = Hsv(b, g, r);
        if (v < 0.25) return PlateBackground.Unknown;
        if (s <= 0.1 && v >= 0.35) return PlateBackground.White;
        if (h is >= 35 and <= 60 && s >= 0.5) return PlateBackground.Yellow;
        if (h is >= 195 and <= 225 && s is >= 0.25 and <= 0.75 && v >= 0.5) return PlateBackground.Blue;
        if (h is >= 110 and <= 170 && s >= 0.35) return PlateBackground.Green;
        return PlateBackground.Unknown;
    }

    // Hue in degrees, saturation and value 0–1.
    private static (double H, double S, double V) Hsv(double b, double g, double r)
    {
        double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b)), d = max - min;
        double v = max / 255, s = max > 0 ? d / max : 0;
        if (d <= 0) return (0, s, v);
        double h = max == r ? 60 * ((g - b) / d) : max == g ? 60 * (((b - r) / d) + 2) : 60 * (((r - g) / d) + 4);
        return (h < 0 ? h + 360 : h, s, v);
    }
}
