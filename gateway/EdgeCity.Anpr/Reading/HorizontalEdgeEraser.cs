using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Erases, in a binarised band of a <see cref="RectifiedLine"/>, every horizontal run of ink longer than any glyph is
/// wide: the plate's top or bottom rim, a frame's edge, the car body beside a tilted plate. Characters that touch such
/// an edge — a two-line plate's upper line under the rim, a far plate's digits blurred into the bumper below — are
/// otherwise one component with it, which is dropped as too wide or cut at arbitrary columns. Only the edge's own rows
/// are lost from a glyph, where it touched the edge.
/// </summary>
internal static class HorizontalEdgeEraser
{
    /// <summary>
    /// Longest run kept, in character heights: a Hangul syllable (the widest glyph) is ~0.9 of the main line's height,
    /// and two characters glued by blur stay under 2.
    /// </summary>
    public const double LongestGlyphRun = 2.0;

    /// <summary>Sets to 0 the runs of non-zero pixels longer than <paramref name="maxRun"/> px in each row of <paramref name="binary"/> (8-bit, continuous).</summary>
    public static void Erase(Mat binary, int maxRun)
    {
        Span<byte> pixels = binary.AsSpan<byte>();
        int width = binary.Cols;
        int rows = binary.Rows;
        for (int row = 0; row < rows; row++)
        {
            Span<byte> line = pixels.Slice(row * width, width);
            int start = -1;
            for (int x = 0; x <= width; x++)
            {
                bool ink = x < width && line[x] != 0;
                if (ink && start < 0) start = x;
                else if (!ink && start >= 0)
                {
                    if (x - start > maxRun) line[start..x].Clear();
                    start = -1;
                }
            }
        }
    }
}
