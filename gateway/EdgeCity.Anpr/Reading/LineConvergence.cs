namespace EdgeCity.Anpr.Reading;

/// <summary>
/// How far a row's fitted top and bottom lines may converge. They meet at the plate's vanishing point, and a plate is far
/// from the camera compared with its width: turned by θ, its far end is W·sin θ further away, so the character height
/// changes across a row w pixels wide by about (w / f)·tan θ — at most 0.4·w / f for θ ≤ 22°, 0.7·w / f at 35°, f the
/// focal length in pixels. No street camera is wider than ~90° (f ≥ half the frame's width), so across the row the
/// height changes by at most 1.4·w / frame width (a 100-px row of a 1280-px frame: 11 %). Lines fitted through a few
/// characters that converge faster hold a wrong point (a top cut by the band, a two-line plate's upper line merged
/// with the main line's character below it, a Hangul's part): the top line is turned toward the bottom line, the
/// characters' baseline, until the convergence is possible.
/// </summary>
internal static class LineConvergence
{
    /// <summary>Largest relative change of the character height across a row, per row width in frame widths (tan 35° / 0.5).</summary>
    public const float PerFrameWidth = 1.4f;

    /// <summary>
    /// The slopes of a row's top line (<paramref name="topSlope"/>) and bottom line (<paramref name="bottomSlope"/>), frame
    /// pixels, limited to a possible convergence for a row <paramref name="height"/> tall in a frame
    /// <paramref name="frameWidth"/> wide; the top line is the one turned.
    /// </summary>
    public static (float TopSlope, float BottomSlope) Limit(
        float topSlope, float bottomSlope, float height, int frameWidth)
    {
        if (height <= 0 || frameWidth <= 0) return (topSlope, bottomSlope);
        // The largest slope difference: a height change of PerFrameWidth·w/W of the height across any w.
        float maxDifference = PerFrameWidth * height / frameWidth;
        float difference = bottomSlope - topSlope;
        if (Math.Abs(difference) <= maxDifference) return (topSlope, bottomSlope);
        float allowed = Math.Clamp(difference, -maxDifference, maxDifference);
        // The bottom line is kept: a plate's characters stand on one baseline (digits, Hangul, letters), while their tops
        // vary — a Hangul's part, a stacked region name, a two-line plate's upper line merged with the main line.
        return (bottomSlope - allowed, bottomSlope);
    }
}
