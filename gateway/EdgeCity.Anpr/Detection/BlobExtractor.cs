using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Detection;

/// <summary>
/// Finds character-like connected components in a grey frame, dark-on-light and light-on-dark, by comparing each
/// pixel with its local mean (a box the size of a large character), so plate colour and uneven light do not matter.
/// </summary>
internal static class BlobExtractor
{
    /// <summary>Smallest character height searched for, px of the searched image (a far plate's digits at half resolution).</summary>
    public const int MinHeightPx = 6;

    /// <summary>Largest character height searched for, px of the searched image.</summary>
    public const int MaxHeightPx = 80;

    /// <summary>
    /// Blobs of dark (or light) text in <paramref name="grey"/>, given its local means over a box the size of a large
    /// character (<paramref name="wideMean"/>) and over one the size of a small plate's height (<paramref name="narrowMean"/>).
    /// For light text the surroundings are also never darker than <paramref name="strokeBackground"/>, if given: the
    /// image with every light structure narrower than a stroke removed (a grey opening). A plate lighter than the car
    /// around it is lighter than both means along its rim, so the rim would be ink and glue every character touching
    /// it (a green two-line plate's Hangul) into one plate-sized blob; the opening keeps the plate's background, rim
    /// included, and removes only the strokes.
    /// <paramref name="plateShapes"/>, if given, receives the components shaped like a small plate's body
    /// (<see cref="IsSmallPlateShape"/>): where a second, full-resolution look may find text too small for this image.
    /// </summary>
    public static List<CharacterBlob> Extract(Mat grey, Mat wideMean, Mat narrowMean, bool darkText, Mat? mask, Mat? strokeBackground = null, List<Rect>? plateShapes = null)
    {
        using var binary = new Mat();
        // A pixel is ink when it is darker (lighter) than its surroundings by more than 8 grey levels, the surroundings
        // being the lighter (darker) of the two means: the wide one alone is pulled down by the dark car body around a
        // small, far plate, until its grey text is no longer darker than it; the narrow one alone hollows out the
        // thick strokes of a near plate.
        // But never lighter (darker) than the narrow mean by more than 4 levels: a plate darker than the car around it
        // (yellow on a white car, green on a dark one for light text) is darker than the wide mean everywhere, and
        // its background would glue all its characters into one blob; beside a stroke it is lighter than the narrow
        // mean, while a thick stroke's inside is not.
        binary.Create(grey.Size(), MatType.CV_8UC1);
        InkMap.Compute(grey, wideMean, narrowMean, darkText, contrast: 8, guard: 4, binary, strokeBackground);

        if (mask is not null) Cv2.BitwiseAnd(binary, mask, binary);
        // Labelled by runs (RunComponents): OpenCV's components in OpenCV's order (its Grana labelling, used before, gave
        // the same list), in under half its time, and no label image: the few components looked into are read from their runs.
        List<(GlyphBox Box, int Ink)> components = RunComponents.Find(binary, out ComponentPixels pixels);
        var blobs = new List<CharacterBlob>(256);
        List<int>? framing = null;
        for (int i = 0; i < components.Count; i++)
        {
            (GlyphBox c, int area) = components[i];
            int x = c.X, y = c.Y, w = c.Width, h = c.Height;
            if (plateShapes is not null && IsSmallPlateShape(w, h, area) && CoversCentre(pixels, i, new Rect(x, y, w, h))) plateShapes.Add(new Rect(x, y, w, h));
            if (IsWideAndSparse(w, h, area)) (framing ??= []).Add(i);
            else if (IsCharacter(w, h, area)) blobs.Add(new CharacterBlob(x, y, w, h));
        }

        // Wider than a character and sparse, around another character-sized blob: perhaps characters glued to a thin line
        // — the plate's rim, a frame's edge — that hides them (the characters not touching it are the blobs inside).
        // Tried without the thin lines.
        foreach (int i in framing ?? [])
        {
            (GlyphBox c, int area) = components[i];
            int x = c.X, y = c.Y, w = c.Width, h = c.Height;
            var box = new Rect(x, y, w, h);
            bool enclosing = blobs.Exists(b => b.Height <= 0.8 * h && box.Contains((int)b.CentreX, (int)b.CentreY));
            if (enclosing && ThinLineSplitter.Split(pixels.Mask(i, box), box, area) is { } parts)
            {
                blobs.AddRange(parts);
                continue;
            }

            // Not taken apart: the rim of a far plate whose strokes are as thin as the rim at this scale (a green
            // two-line plate's white rim and text are one light component here, and no row is made of it). At full
            // resolution its strokes are twice the rim's width and the opening splits them: a plate-sized one is
            // looked at again, as a plate's body is.
            if (plateShapes is not null && IsSmallPlateOutline(w, h)) plateShapes.Add(box);
            if (IsCharacter(w, h, area)) blobs.Add(new CharacterBlob(x, y, w, h));
        }

        return blobs;
    }

    // The tallest plate searched for, px of the searched image (a near two-line plate is ~50 px tall at half resolution):
    // a blob that a plate's rim could have glued together is no taller, and at most 6 times as wide.
    private const int MaxPlateHeightPx = 64;

    internal static bool IsWideAndSparse(int w, int h, int area) =>
        w >= 1.2 * h && h >= 2 * MinHeightPx && h <= MaxPlateHeightPx && w <= 6 * h && area < 0.65 * w * h;

    /// <summary>Widest small plate looked at again, px of the searched image (a plate ~150 px wide in a half-resolution search).</summary>
    internal const int SmallPlateMaxWidthPx = 76;

    // A plate's body seen as one component: a plate lighter (darker) than the car around it, its text too small to
    // break it up — 1.4 (a two-line plate, 335×170 mm, turned) to 6 (a single-line one, 520×110 mm) times as wide as
    // tall, mostly filled, no wider than a far plate (a near plate's text makes rows of its own).
    internal static bool IsSmallPlateShape(int w, int h, int area) =>
        h >= MinHeightPx && w <= SmallPlateMaxWidthPx && w >= 1.4 * h && w <= 6 * h && area >= 0.45 * w * h;

    // A wide, sparse component (a rim with characters glued to it) of a far plate's size: no wider than the small
    // plates looked at again, and at most as elongated as a single-line plate (IsWideAndSparse: at least 1.2 times as
    // wide as tall — a two-line plate turned away).
    internal static bool IsSmallPlateOutline(int w, int h) => w <= SmallPlateMaxWidthPx && w <= 6 * h;

    // The component covers at least a quarter of its box's middle (the middle third each way): a plate's body does
    // around its characters; the halo the ink test leaves around a light or dark object (a lamp, a blank sign), a
    // ring of the object's shape, does not.
    private static bool CoversCentre(ComponentPixels pixels, int component, Rect box)
    {
        var middle = new Rect(box.X + (box.Width / 3), box.Y + (box.Height / 3), Math.Max(1, box.Width / 3), Math.Max(1, box.Height / 3));
        return pixels.CountIn(component, middle) * 4 >= middle.Width * middle.Height;
    }

    // Up to 5 heights wide: blur and JPEG glue neighbouring characters together; the row still counts them by width.
    internal static bool IsCharacter(int w, int h, int area)
    {
        if (h < MinHeightPx || h > MaxHeightPx || w < 2 || w > h * 5) return false;
        double fill = area / (double)(w * h);
        return fill is >= 0.12 and <= 0.92;
    }
}
