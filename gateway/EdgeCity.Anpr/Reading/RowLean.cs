namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Where a row's characters' tops and bottoms run across a first warp (<see cref="LineRectifier"/>): a line through each,
/// its slope the median of the slopes between every two characters (one character glued to a bolt or cut short by blur
/// does not turn it), through the median point. A row found through part of a plate's text — its characters glued or
/// missing at half resolution, the plate turned 25–30° away — has lines off the plate's, and its first warp shows the
/// text leaning: characters beyond the row's end lie on the lean, not at the row's median top and bottom, and were
/// not taken (50가0310, seed 4 scene 579, yaw −29°: its last 0 left out). Level (the medians) for fewer than three.
/// </summary>
internal static class RowLean
{
    /// <summary>The most a lean may be (warp px per px): a first warp from a row's own lines is never far off level.</summary>
    public const double MaxSlope = 0.15;

    /// <summary>The tops' and the bottoms' lines of <paramref name="characters"/> (warp pixels, by x).</summary>
    public static (Func<double, double> Top, Func<double, double> Bottom) Of(IReadOnlyList<GlyphBox> characters) =>
        (Line(characters, b => b.Y), Line(characters, b => b.Bottom));

    private static Func<double, double> Line(IReadOnlyList<GlyphBox> characters, Func<GlyphBox, double> y)
    {
        double x0 = UpperMedian.Of(characters.Select(b => (double)b.CentreX)), y0 = UpperMedian.Of(characters.Select(y));
        if (characters.Count < 3) return _ => y0;
        var slopes = new List<double>();
        for (int i = 0; i < characters.Count; i++)
        {
            for (int j = i + 1; j < characters.Count; j++)
            {
                double dx = characters[j].CentreX - characters[i].CentreX;
                if (Math.Abs(dx) >= 1) slopes.Add((y(characters[j]) - y(characters[i])) / dx);
            }
        }

        double slope = slopes.Count == 0 ? 0 : Math.Clamp(UpperMedian.Of(slopes), -MaxSlope, MaxSlope);
        return x => y0 + (slope * (x - x0));
    }
}
