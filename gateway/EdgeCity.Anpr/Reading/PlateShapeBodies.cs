using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The two-line plate bodies around the plate shapes of the second look's windows (<see cref="SecondLook.PlateShape"/>: a
/// far plate's body seen whole at half resolution, a two-line plate's text glued across its lines) for a frame where
/// nothing was read and no row on the shape read text: the body is found by its own edges and colour
/// (<see cref="PlateBody"/>) from the row the shape's proportions put inside it, and its main line read as any plate
/// body's is. Two-line bodies only: a far two-line plate's lines (5–8 px at half resolution, a pixel or two apart) are
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
