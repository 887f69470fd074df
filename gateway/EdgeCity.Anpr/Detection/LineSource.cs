using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Detection;

/// <summary>
/// Finds the candidate text rows of a grey frame. The search runs at half resolution for frames 480 rows or more
/// (a quarter of the pixels; a far plate's digits are still 6+ px tall there), the rows are returned in frame
/// coordinates, and reading then works on the full-resolution frame.
/// </summary>
internal static class LineSource
{
    /// <summary>Rows from which the search runs at half resolution.</summary>
    public const int HalvedSearchMinRows = 480;

    /// <summary>
    /// Rows of dark text and, if <paramref name="lightText"/>, of light text (Korea's green plates), those of the
    /// second, full-resolution look (<see cref="SecondLook"/>) included — or, if <paramref name="deferred"/> is given,
    /// its windows added there instead, to be searched by the caller only where the first rows read no plate. Rows have
    /// at least <paramref name="minCharacters"/> characters (<see cref="TextLineFinder"/>; the second look's four). Without
    /// <paramref name="secondLook"/> no windows are looked for at all (a coarser level, which has no second look).
    /// </summary>
    public static List<TextLine> Find(Mat grey, Mat? mask, bool lightText, List<SecondLook.Window>? deferred = null, int minCharacters = TextLineFinder.MinCharacters, bool secondLook = true)
    {
        using StageProfile.Scope profiled = StageProfile.Enter(Stage.Blobs);
        using var image = new SearchedImage(grey, mask);
        float scale = image.Scale;
        Mat searched = image.Image, mean = image.Mean, narrowMean = image.NarrowMean;
        var lines = new List<TextLine>();
        // What almost made a row at half resolution, looked at again at full resolution (SecondLook).
        bool windowed = scale > 1 && secondLook;
        List<Rect>? lightShapes = windowed ? [] : null, darkShapes = windowed ? [] : null;
        List<Rect>? darkNearMisses = windowed ? [] : null, lightNearMisses = windowed ? [] : null;
        List<Rect>? gluedTwoLines = windowed ? [] : null;
        bool[] polarities = lightText ? [true, false] : [true];
        foreach (bool dark in polarities)
        {
            using Mat? strokeBackground = dark ? null : StrokeBackground(searched);
            var blobs = BlobExtractor.Extract(searched, mean, narrowMean, dark, image.Mask, strokeBackground, dark ? darkShapes : lightShapes);
            // A far green two-line plate's light text glued across its lines (GluedTwoLineText): light text only, where
            // the white rim and strokes glue at this scale (a yellow plate's dark text on its light body does not).
            if (!dark) gluedTwoLines?.AddRange(GluedTwoLineText.Find(blobs));
            using (StageProfile.Enter(Stage.Rows)) lines.AddRange(TextLineFinder.Find(blobs, dark, dark ? darkNearMisses : lightNearMisses, minCharacters).Select(l => l.Scaled(scale)));
        }

        if (lightShapes is not null && darkShapes is not null && darkNearMisses is not null && lightNearMisses is not null && gluedTwoLines is not null)
        {
            using StageProfile.Scope windowsProfiled = StageProfile.Enter(Stage.SecondLook);
            List<SecondLook.Window> windows = SecondLook.Windows(searched, lightShapes, darkShapes, darkNearMisses, lightNearMisses, gluedTwoLines, scale, grey.Size());
            if (deferred is not null) deferred.AddRange(windows);
            else lines.AddRange(SecondLook.Search(grey, mask, windows, lightText, lines));
        }

        return lines;
    }

    /// <summary>
    /// Rows of light text alone, without the second look's windows: for a region whose plates have dark text only (the EU),
    /// where <see cref="Find"/> searched dark text, a light plate on a darker car whose dark text made no row is, at half
    /// resolution, a row of light pieces — its body between the characters (<c>LightPlateBody</c>). Searched only in a
    /// frame that read nothing, so the second polarity's blobs (~1 ms) are not paid on frames that read a plate.
    /// </summary>
    public static List<TextLine> FindLight(Mat grey, Mat? mask, int minCharacters)
    {
        using StageProfile.Scope profiled = StageProfile.Enter(Stage.Blobs);
        using var image = new SearchedImage(grey, mask);
        using Mat strokeBackground = StrokeBackground(image.Image);
        var blobs = BlobExtractor.Extract(image.Image, image.Mean, image.NarrowMean, false, image.Mask, strokeBackground, null);
        using (StageProfile.Enter(Stage.Rows)) return TextLineFinder.Find(blobs, false, null, minCharacters).Select(l => l.Scaled(image.Scale)).ToList();
    }

    // The image the rows are searched in — the frame halved where it has HalvedSearchMinRows or more —, its mask (null
    // where none) and its two local means, 21×21 and 9×9, against which the ink test is made (BlobExtractor).
    private sealed class SearchedImage : IDisposable
    {
        private readonly Mat? _small, _smallMask;

        public SearchedImage(Mat grey, Mat? mask)
        {
            Scale = grey.Rows >= HalvedSearchMinRows ? 2 : 1;
            Image = grey;
            Mask = mask;
            if (Scale > 1)
            {
                _small = new Mat();
                Cv2.Resize(grey, _small, new Size(grey.Cols / 2, grey.Rows / 2), 0, 0, InterpolationFlags.Area);
                Image = _small;
                if (mask is not null)
                {
                    _smallMask = new Mat();
                    Cv2.Resize(mask, _smallMask, _small.Size(), 0, 0, InterpolationFlags.Nearest);
                    Mask = _smallMask;
                }
            }

            Cv2.Blur(Image, Mean, new Size(21, 21), new Point(-1, -1), BorderTypes.Replicate);
            Cv2.Blur(Image, NarrowMean, new Size(9, 9), new Point(-1, -1), BorderTypes.Replicate);
        }

        public float Scale { get; }

        public Mat Image { get; }

        public Mat? Mask { get; }

        public Mat Mean { get; } = new();

        public Mat NarrowMean { get; } = new();

        public void Dispose()
        {
            _small?.Dispose();
            _smallMask?.Dispose();
            Mean.Dispose();
            NarrowMean.Dispose();
        }
    }

    /// <summary>Widest stroke kept as text, px of the searched image (a near plate's digits, 80 px tall, have ~10 px strokes).</summary>
    private const int StrokeKernel = 11;

    // The image with light strokes (structures narrower than the kernel in every direction) removed: a grey opening.
    // A plate's background survives it, rim included (~0.15 ms a frame at half resolution).
    internal static Mat StrokeBackground(Mat searched)
    {
        var background = new Mat();
        using Mat kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(StrokeKernel, StrokeKernel));
        Cv2.MorphologyEx(searched, background, MorphTypes.Open, kernel, null, 1, BorderTypes.Replicate);
        return background;
    }

    /// <summary>Every row rectified, with its frame box: what training aligns with the truth.</summary>
    public static IEnumerable<(RectifiedLine Line, Rect FrameBox)> Lines(Mat grey)
    {
        foreach (TextLine line in Find(grey, null, lightText: true))
        {
            RectifiedLine? rectified = LineRectifier.RectifyRefined(grey, line);
            if (rectified is null) continue;
            var box = new Rect((int)line.Left, (int)Math.Min(line.Top(line.Left), line.Top(line.Right)), (int)(line.Right - line.Left), (int)line.MeanHeight);
            yield return (rectified, box);
        }
    }
}
