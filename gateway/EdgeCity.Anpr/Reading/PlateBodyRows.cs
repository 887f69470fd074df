using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Rows through a plate's body for a frame whose rows read no plate: the main text lines of the plate-shaped bodies
/// (<see cref="PlateBody"/>) around the rows on which a reader read a plate's worth of text it could not report.
/// </summary>
/// <remarks>
/// Most plates lost to motion blur have rows holding part of the plate: blurred characters glue to each other and the
/// rim, so the half-resolution blobs give a short or broken row, and the warp fitted through those characters is short,
/// crooked or at the wrong scale. The body around the row is found by its own long edges and colour, which the blur
/// leaves in place, and the text line its proportions give is read as any row is, under every rule.
/// </remarks>
internal static class PlateBodyRows
{
    /// <summary>Rows whose bodies are looked for, those on which the readers read most first.</summary>
    public const int MaxRows = 4;

    /// <summary>Bodies read per row, the best-edged first.</summary>
    public const int MaxBodiesPerRow = 3;

    /// <summary>
    /// Characters a reader must have read on a row (reported or not) for its body to be looked for: a plate's worth, as for
    /// a blurred row's second chance (<see cref="BlurredSecondChance.MinTextRead"/>). A frame without a plate has rows of
    /// signs, grilles and walls that read a character or two; looking around every row that read anything cost such
    /// frames ~5 ms CPU (25 of the bench's no-plate frames, median) for 2 plates more of the 107 lost on main.
    /// </summary>
    public const int MinTextRead = BlurredSecondChance.MinTextRead;

    /// <summary>The main lines of the bodies around <paramref name="rows"/> (with the characters read on each), no body twice.</summary>
    public static List<TextLine> MainLines(Mat grey, IEnumerable<(TextLine Row, int TextRead)> rows)
    {
        var lines = new List<TextLine>();
        var bodies = new List<PlateBody>();
        foreach ((TextLine row, _) in rows.Where(r => r.TextRead >= MinTextRead).OrderByDescending(r => r.TextRead).Take(MaxRows))
        {
            foreach (PlateBody body in PlateBody.Find(grey, row).Where(b => !bodies.Any(b.SameAs)).Take(MaxBodiesPerRow))
            {
                bodies.Add(body);
                lines.Add(body.MainLine());
            }
        }

        return lines;
    }
}
