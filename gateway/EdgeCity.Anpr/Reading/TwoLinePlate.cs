using EdgeCity.Anpr.Detection;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The proportions of Korea's two-line (older regional) plates, 335 × 170 mm: the upper line — the region name's two
/// syllables and the two class digits, ~48 mm tall — and, ~12 mm below it, the main line — the class Hangul and four
/// digits, ~82 mm tall and half again as wide. A row found on the upper line gives the main line's place.
/// </summary>
internal static class TwoLinePlate
{
    /// <summary>Full-height characters of an upper line: two region syllables and two digits (a syllable's parts may merge or drop out).</summary>
    public const int UpperLineCharacters = 4;

    /// <summary>Main line's character height over the upper line's.</summary>
    private const float MainHeight = 1.7f;

    /// <summary>Gap between the lines over the upper line's character height.</summary>
    private const float Gap = 0.25f;

    /// <summary>Margin of a band placed on the upper line from the main line, over the upper line's character height (<see cref="UpperLineAbove"/>).</summary>
    private const float UpperMargin = 0.2f;

    /// <summary>Main line's width over the upper line's (with room: the refit extends the row to the characters it finds).</summary>
    private const float MainWidth = 1.6f;

    /// <summary>Where the main line of a two-line plate whose upper line is <paramref name="upper"/> stands (same pencil of lines).</summary>
    public static TextLine MainLineBelow(TextLine upper)
    {
        // The main line's top a (1 + gap) upper heights below the upper line's top, its bottom a main height further.
        float centre = (upper.Left + upper.Right) / 2, half = MainWidth * (upper.Right - upper.Left) / 2;
        return upper.Band(1 + Gap, 1 + Gap + MainHeight) with { Left = centre - half, Right = centre + half };
    }

    /// <summary>
    /// Whether <paramref name="row"/> may be a two-line plate's text as one row: both lines glued column by column (a far
    /// plate at half resolution: each class digit or region syllable touching the main-line character under it), a row
    /// of 4–6 "characters" as tall as both lines and at most <see cref="GluedRowLength"/> of its height long (the plate's
    /// text is ~2.1 times as wide as both its lines are tall); a row of single-line text of four or more characters is
    /// at least ~2.8 of its height long (a character is ~0.55 of its height wide with its gap), on a real camera as here.
    /// </summary>
    public static bool MayBeBothLines(TextLine row) => row.BlobCount <= 6 && row.Right - row.Left <= GluedRowLength * row.MeanHeight;

    /// <summary>How far <paramref name="row"/>'s length over its height is from a two-line plate's text seen square on (~2.1; less when turned).</summary>
    public static float BothLinesMisfit(TextLine row) => Math.Abs(((row.Right - row.Left) / row.MeanHeight) - BothLinesLength);

    /// <summary>Longest row, over its height, that may be both lines of a two-line plate glued (<see cref="MayBeBothLines"/>).</summary>
    private const float GluedRowLength = 2.6f;

    /// <summary>A two-line plate's text width over both its lines' height (294 × 142 mm of 335 × 170).</summary>
    private const float BothLinesLength = 2.1f;

    /// <summary>The main line of a two-line plate whose both lines are <paramref name="both"/>, one row (<see cref="MayBeBothLines"/>): its lower part, by the plate's proportions.</summary>
    public static TextLine MainLineOfBoth(TextLine both) => both.Band((1 + Gap) / (1 + Gap + MainHeight), 1);

    /// <summary>
    /// Where the upper line of a two-line plate whose main line is <paramref name="main"/> stands (the same pencil of
    /// lines, the other way: the upper line's top a (1 + gap) upper heights, its bottom a gap above the main line's top),
    /// as wide as the main line (the refit keeps only the characters it finds there). The band reaches
    /// <see cref="UpperMargin"/> of the upper line's height beyond it at either side: the proportions are a plate's
    /// nominal ones and the main line's lines carry its fitting error, so the first warp must hold the characters whole
    /// for the refit to find their own tops and bottoms (a band cut through them fits the cut).
    /// </summary>
    public static TextLine UpperLineAbove(TextLine main) => main.Band(-(1 + Gap + UpperMargin) / MainHeight, -(Gap - UpperMargin) / MainHeight);
}
