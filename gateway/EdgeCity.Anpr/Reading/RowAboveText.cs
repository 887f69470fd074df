using EdgeCity.Anpr.Detection;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A row found above its plate's text: its lines pulled up and flattened by what stood beside the characters at half
/// resolution (a grille's stripes above a plate turned ~30° away: seed 8's 38루5606, 217 px and sharp, its row ~0.4 of a
/// character too high at the right). The first warp (<see cref="LineRectifier"/>) keeps only 5 px below the main line,
/// so it shows the characters' upper parts running out of its bottom edge: no full-height character is found there,
/// and the row was warped as found, cutting every character. Here the row is lowered by the distance from the warp's
/// main top to the cut characters' tops (their median: one that is a bolt or a stripe does not move it), for a first
/// warp of its own; the refit there places the line through the characters as on any row.
/// </summary>
internal static class RowAboveText
{
    /// <summary>Fewest characters cut by the first warp's bottom edge for the row to be lowered: a plate's text, not a blob or two.</summary>
    public const int MinCutCharacters = 3;

    /// <summary>Least drop (of a character height) worth a warp: a row a pixel or two high has its characters found full-height.</summary>
    public const double MinDrop = 0.1;

    /// <summary>
    /// <paramref name="line"/> lowered to the tops of the characters that its first warp <paramref name="first"/> (the
    /// row between warp columns <paramref name="rowLeft"/> and <paramref name="rowRight"/>) shows cut by its bottom edge;
    /// null where fewer than <see cref="MinCutCharacters"/> are.
    /// </summary>
    public static TextLine? Lowered(RectifiedLine first, TextLine line, double threshold, int rowLeft, int rowRight)
    {
        const int h = RectifiedLine.CharHeight;
        var cut = GlyphSegmenter.Segment(first, threshold, RectifiedLine.MainTop - 4, RectifiedLine.Rows, (int)(0.4 * h), eraseEdges: false)
            .Where(b => b.Bottom >= RectifiedLine.Rows && b.Width >= 0.15 * h && b.Width <= 1.05 * h && b.CentreX >= rowLeft && b.CentreX <= rowRight)
            .Select(b => (double)b.Y)
            .ToList();
        if (cut.Count < MinCutCharacters) return null;
        double drop = (UpperMedian.Of(cut) - RectifiedLine.MainTop) / h;
        if (drop < MinDrop) return null;

        // A warp row d below another is d/CharHeight of the local character height lower in the frame: both lines move
        // down by that fraction of the row's height, which is itself linear along the row.
        float k = (float)drop;
        float heightIntercept = line.BottomIntercept - line.TopIntercept, heightSlope = line.BottomSlope - line.TopSlope;
        return line with
        {
            TopIntercept = line.TopIntercept + (k * heightIntercept),
            TopSlope = line.TopSlope + (k * heightSlope),
            BottomIntercept = line.BottomIntercept + (k * heightIntercept),
            BottomSlope = line.BottomSlope + (k * heightSlope),
        };
    }
}
