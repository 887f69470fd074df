using System.Numerics;
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

    /// <summary>
    /// Sets to 0 the runs of non-zero pixels longer than <paramref name="maxRun"/> px in each row of <paramref name="binary"/>
    /// (8-bit, continuous), and in each pair of adjacent rows taken together: a rim that is not quite level after
    /// rectification (a pixel of slope over the plate's width — a real plate is bent, the fitted lines are a pixel off)
    /// steps from one row to the next, and no single row's run is long, but the two rows' union is (scene 269: a class
    /// digit glued to the top rim). Glyphs stand apart, so neither a row nor a pair of rows joins them into a long run.
    /// </summary>
    public static void Erase(Mat binary, int maxRun)
    {
        Span<byte> pixels = binary.AsSpan<byte>();
        int width = binary.Cols;
        int rows = binary.Rows;
        // Found first, erased after: erasing a row would hide the next pair's step.
        var erase = new List<(int Row, int Start, int End)>();
        byte[] pair = new byte[width];
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<byte> line = pixels.Slice(row * width, width);
            // The runs are found by vectorised span searches (InkRuns.Next), not pixel by pixel; a pair of rows is
            // searched as their union.
            LongRuns(line, maxRun, row, single: true, erase);
            if (row + 1 < rows)
            {
                ReadOnlySpan<byte> next = pixels.Slice((row + 1) * width, width);
                int x = 0;
                for (; x <= width - Vector<byte>.Count; x += Vector<byte>.Count) (new Vector<byte>(line[x..]) | new Vector<byte>(next[x..])).CopyTo(pair.AsSpan(x));
                for (; x < width; x++) pair[x] = (byte)(line[x] | next[x]);
                LongRuns(pair, maxRun, row, single: false, erase);
            }
        }

        foreach ((int row, int start, int end) in erase) pixels.Slice((row * width) + start, end - start).Clear();
    }

    // The runs of non-zero pixels of a row (or a pair of rows, which erases both) longer than maxRun, added to erase.
    private static void LongRuns(ReadOnlySpan<byte> line, int maxRun, int row, bool single, List<(int Row, int Start, int End)> erase)
    {
        int x = 0;
        while (InkRuns.Next(line, x, out int start, out int end))
        {
            if (end - start > maxRun)
            {
                erase.Add((row, start, end));
                if (!single) erase.Add((row + 1, start, end));
            }

            x = end;
        }
    }
}
