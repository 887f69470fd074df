using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The two-line plate bodies around the plate shapes of the second look's windows (<see cref="SecondLook.PlateShape"/>: a
/// far plate's body seen whole at half resolution, a two-line plate's text glued across its lines) for a frame where
/// nothing was read and no row on the shape read text: the body is found by its own edges and colour
/// (<see cref="PlateBody"/>) from the row the shape's proportions put inside it, and its main line read as any plate
/// body's is; and the shape of a two-line plate's aspect is read as a body itself (<see cref="OwnBody"/>), where the
/// edges found from inside it are the car's. Two-line bodies only: a far two-line plate's lines (5–8 px at half resolution, a pixel or two apart) are
/// what glue into a body-shaped component with no row; a single-line body's line read this way read part of a plate
/// (seed 2's EU plate MK944YH as M944YH, a false plate), while a two-line plate's reading must hold its upper line too.
/// </summary>
/// <remarks>
/// A far plate (60–80 px wide) at half resolution is 30–40 px: its characters glue to each other and the rim, and the
/// body comes out as one plate-shaped component, which opens a window. At full resolution a blurred or turned plate's
/// characters may still make no row there (they glue into runs, or the main line's pieces are too uneven to be a row),
/// so no row reads any text and the plate bodies around rows that did (<see cref="PlateBodyRows"/>) are never looked
/// for. The shape itself says where the plate is; its edges, sharp under horizontal blur, say where it lies and leans.
/// </remarks>
internal static class PlateShapeBodies
{
    /// <summary>Shapes whose bodies are looked for a frame, in the windows' order (light bodies first): each body read costs ~1 ms.</summary>
    public const int MaxShapes = 3;

    /// <summary>Shapes of a two-line plate's aspect read as their own bodies a frame (<see cref="OwnBody"/>), in the windows' order: each costs a reading (~1 ms).</summary>
    public const int MaxOwnBodies = 3;

    /// <summary>Bodies read per shape, the best-edged first.</summary>
    public const int MaxBodiesPerShape = 2;

    /// <summary>
    /// The bodies around the plate shapes of <paramref name="windows"/>, those already <paramref name="found"/> left out,
    /// likeliest shape first, no body twice; shapes on which a row read text (<paramref name="readRows"/>, reported or not)
    /// are left out: their bodies were looked for from the row.
    /// </summary>
    public static List<PlateBody> Bodies(Mat grey, IEnumerable<SecondLook.Window> windows, IReadOnlyList<(TextLine Row, int TextRead)> readRows, IReadOnlyList<PlateBody> found)
    {
        var bodies = new List<PlateBody>();
        var shapes = windows.SelectMany(w => w.Shapes)
            .Where(s => !readRows.Any(r => r.TextRead >= PlateBodyRows.MinTextRead && s.Holds(r.Row)))
            .DistinctBy(s => s.Core)
            .Take(MaxShapes);
        foreach (SecondLook.PlateShape shape in shapes)
        {
            foreach (PlateBody body in PlateBody.Find(grey, Row(shape.Core)).Where(b => b.TwoLine && !found.Any(b.SameAs) && !bodies.Any(b.SameAs)).Take(MaxBodiesPerShape))
            {
                bodies.Add(body);
            }
        }

        return bodies;
    }

    /// <summary>
    /// The plate shapes of <paramref name="windows"/> as their own bodies (<see cref="OwnBody"/>), those on which a row read
    /// text too, at most <see cref="MaxOwnBodies"/>, none of <paramref name="found"/>: read only where no other body read a
    /// plate (a body found by its edges reads a turned plate on its lean; seed 1's 1211, read right from its row's body,
    /// read 울산31사6493 for 울산91사6493 on its shape's level box). A row on a far two-line plate that read part of it (its
    /// upper line, a few glued characters) gives a body around itself whose edges may be the car's or the gap between the
    /// plate's lines (seed 4's 110: the body's main line on the upper strip), the shape's own box still the plate's.
    /// </summary>
    public static List<PlateBody> OwnBodies(Mat grey, IEnumerable<SecondLook.Window> windows, IReadOnlyList<PlateBody> found) =>
        windows.SelectMany(w => w.Shapes).DistinctBy(s => s.Core)
            .Select(s => OwnBody(grey, s.Core)).OfType<PlateBody>().Take(MaxOwnBodies)
            .Where(b => !found.Any(b.SameAs)).ToList();

    /// <summary>
    /// The shape itself as a two-line plate's body (frame px, level edges), where it has a two-line plate's aspect
    /// (<see cref="PlateBody.MinTwoLineAspect"/>–<see cref="PlateBody.MaxTwoLineAspect"/>); null otherwise or where it
    /// is too small to hold two lines. The shape is the plate's body as one half-resolution component, its box within a
    /// pixel or two of the plate's; the body search from inside it (<see cref="PlateBody.Find"/>) takes the strongest
    /// edges within its reach, which on a far plate (its own edges 1–2 px of contrast at 60–80 px wide) are often the
    /// car's: a grille's line above it, a bumper's below, the car's colour beside it (seed 6's 958 read 176–281 px for a
    /// plate at 176–234). The text's polarity is the body's: the extreme of the shape's pixels farther from their median
    /// (most of a plate's body is its background).
    /// </summary>
    internal static PlateBody? OwnBody(Mat grey, Rect core)
    {
        core &= new Rect(0, 0, grey.Cols, grey.Rows);
        if (core.Height < MinOwnBodyHeight || core.Width < PlateBody.MinTwoLineAspect * core.Height || core.Width > PlateBody.MaxTwoLineAspect * core.Height) return null;
        using var patch = new Mat(grey, core);
        using var compact = patch.Clone();
        compact.GetArray(out byte[] pixels);
        Array.Sort(pixels);
        int p10 = pixels[(int)(0.1 * (pixels.Length - 1))], median = pixels[pixels.Length / 2], p90 = pixels[(int)(0.9 * (pixels.Length - 1))];
        bool darkText = median - p10 > p90 - median;
        return new PlateBody(darkText, true, core.Left, core.Right, core.Top, 0, core.Bottom, 0);
    }

    /// <summary>Height of the smallest shape read as its own body, px: a two-line plate's main line is ~0.45 of it, and the line reader reads no line under ~8 px.</summary>
    public const int MinOwnBodyHeight = 18;

    /// <summary>
    /// The row a plate shape's proportions put inside it (frame px): a two-line plate's main line (its lower half, 0.45–0.9
    /// of the height, <see cref="PlateBody.MainLine"/>) where the shape is of two-line aspect, else a single-line plate's
    /// characters (0.14–0.86). Only its middle and height matter: where the body's edges are looked for, and how far.
    /// </summary>
    internal static TextLine Row(Rect core)
    {
        bool twoLine = core.Width < PlateBody.MinSingleAspect * core.Height;
        (float top, float bottom) = twoLine ? (0.45f, 0.9f) : (0.14f, 0.86f);
        return new TextLine(true, core.Left, core.Right, core.Top + (top * core.Height), 0, core.Top + (bottom * core.Height), 0, 0);
    }
}
