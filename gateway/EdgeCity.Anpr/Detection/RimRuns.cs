namespace EdgeCity.Anpr.Detection;

/// <summary>
/// A plate's rim in a component's mask: its top and bottom are horizontal runs of ink nearly as long as the plate is wide,
/// while a character's longest run (the bar of 루, the foot of a 2) is no longer than the character is wide, and the
/// characters of a line stand apart. A near plate's rim, as thick as its strokes at half resolution, survives the opening
/// that frees a far plate's characters (<see cref="ThinLineSplitter"/>); without its long runs it is two bare sides.
/// A rim a little off level steps from row to row, so runs are taken over pairs of adjacent rows together (as
/// <c>HorizontalEdgeEraser</c> does in the segmenter).
/// </summary>
internal static class RimRuns
{
    /// <summary>A rim's run is longer than this share of the component's height (a plate is wider than tall; a character is not).</summary>
    public const float LongestCharacterRun = 0.6f;

    /// <summary>The rows of the component's top and bottom searched for the rim's runs, a share of its height each.</summary>
    public const float RimBand = 0.25f;

    /// <summary>
    /// <paramref name="mask"/> (<paramref name="width"/> × <paramref name="height"/>, row by row) with every horizontal run of
    /// ink longer than <see cref="LongestCharacterRun"/> of <paramref name="height"/>, in a row or in two adjacent rows
    /// taken together, in its top or bottom <see cref="RimBand"/>, cleared; null where the top band or the bottom band has no
    /// such run: a rim is closed, top and bottom both, while a grille's bar or a bumper's edge glued to a row of blobs runs
    /// along one side only, and re-splitting those changed readings that were no plate's rim (a single-line plate lost at
    /// rectification on seed 9 with runs cleared in either band, <c>wip/antwo9</c>).
    /// </summary>
    public static bool[]? Erased(bool[] mask, int width, int height)
    {
        int longest = (int)(LongestCharacterRun * height);
        var erased = (bool[])mask.Clone();
        int edge = (int)MathF.Ceiling(RimBand * height);
        bool top = false, bottom = false;
        for (int y = 0; y < height; y++)
        {
            // Only at the component's top and bottom, where a rim glued to its characters is: a long run across the
            // middle (a grille's bar, a bumper's edge through a row of blobs) is no rim and is left to the opening.
            if (y >= edge && y < height - edge) continue;

            // Row y with the row below (the last row alone).
            int row = y * width, below = y + 1 < height ? row + width : row;
            for (int x = 0; x < width;)
            {
                if (!mask[row + x] && !mask[below + x])
                {
                    x++;
                    continue;
                }

                int end = x;
                while (end < width && (mask[row + end] || mask[below + end])) end++;
                if (end - x > longest)
                {
                    if (y < edge) top = true;
                    else bottom = true;
                    Array.Fill(erased, false, row + x, end - x);
                    Array.Fill(erased, false, below + x, end - x);
                }

                x = end;
            }
        }

        return top && bottom ? erased : null;
    }
}
