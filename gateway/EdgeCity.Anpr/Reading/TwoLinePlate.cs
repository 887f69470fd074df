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

    /// <summary>Main line's width over the upper line's (with room: the refit extends the row to the characters it finds).</summary>
    private const float MainWidth = 1.6f;

    /// <summary>Where the main line of a two-line plate whose upper line is <paramref name="upper"/> stands (same pencil of lines).</summary>
    public static TextLine MainLineBelow(TextLine upper)
    {
        // Every horizontal line of the plate is top + k·(bottom − top) for some k: the main line's top at k = 1 + gap,
        // its bottom at 1 + gap + main height; the lines' slopes follow the same combination.
        float TopAt(float k, float topValue, float bottomValue) => topValue + (k * (bottomValue - topValue));
        const float kTop = 1 + Gap, kBottom = 1 + Gap + MainHeight;
        float centre = (upper.Left + upper.Right) / 2, half = MainWidth * (upper.Right - upper.Left) / 2;
        return upper with
        {
            TopIntercept = TopAt(kTop, upper.TopIntercept, upper.BottomIntercept),
            TopSlope = TopAt(kTop, upper.TopSlope, upper.BottomSlope),
            BottomIntercept = TopAt(kBottom, upper.TopIntercept, upper.BottomIntercept),
            BottomSlope = TopAt(kBottom, upper.TopSlope, upper.BottomSlope),
            Left = centre - half,
            Right = centre + half,
        };
    }
}
