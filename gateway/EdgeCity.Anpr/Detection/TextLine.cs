namespace EdgeCity.Anpr.Detection;

/// <summary>
/// A row of character-like blobs found in the frame: the straight lines through the tops and the bottoms of its
/// full-height characters (they converge under perspective), its horizontal extent and the text polarity.
/// </summary>
/// <param name="DarkText">True for dark characters on a light plate, false for light on dark (Korea's green plates).</param>
/// <param name="Left">Leftmost blob edge, px.</param>
/// <param name="Right">Rightmost blob edge, px.</param>
/// <param name="TopIntercept">Top line: y = TopIntercept + TopSlope·x.</param>
/// <param name="TopSlope">Top line slope.</param>
/// <param name="BottomIntercept">Bottom line: y = BottomIntercept + BottomSlope·x.</param>
/// <param name="BottomSlope">Bottom line slope.</param>
/// <param name="BlobCount">Number of blobs in the row.</param>
internal sealed record TextLine(bool DarkText, float Left, float Right, float TopIntercept, float TopSlope, float BottomIntercept, float BottomSlope, int BlobCount)
{
    public float Top(float x) => TopIntercept + (TopSlope * x);

    public float Bottom(float x) => BottomIntercept + (BottomSlope * x);

    public float HeightAt(float x) => Bottom(x) - Top(x);

    public float MeanHeight => HeightAt((Left + Right) / 2);

    /// <summary>
    /// The row between the lines of this row's pencil at <paramref name="kTop"/> and <paramref name="kBottom"/> of its
    /// height from its top line (0: the top line, 1: the bottom line; beyond them above or below the row). Every horizontal
    /// line of a plate seen in perspective is such a combination of two of them, slopes included, so a plate's fixed
    /// proportions place its other text lines (a two-line plate's) or its text inside its body (<c>PlateBody</c>).
    /// </summary>
    public TextLine Band(float kTop, float kBottom) => this with
    {
        TopIntercept = At(kTop, TopIntercept, BottomIntercept), TopSlope = At(kTop, TopSlope, BottomSlope),
        BottomIntercept = At(kBottom, TopIntercept, BottomIntercept), BottomSlope = At(kBottom, TopSlope, BottomSlope),
    };

    // The value at k between the top line's and the bottom line's; at k = 1 the bottom line's own, not one rounded
    // through their difference (a band that keeps the row's bottom keeps it exactly).
    private static float At(float k, float topValue, float bottomValue) => k == 1 ? bottomValue : topValue + (k * (bottomValue - topValue));

    /// <summary>The same row in an image <paramref name="factor"/> times larger.</summary>
    public TextLine Scaled(float factor) => factor == 1 ? this : this with
    {
        Left = Left * factor, Right = Right * factor, TopIntercept = TopIntercept * factor, BottomIntercept = BottomIntercept * factor,
    };
}
