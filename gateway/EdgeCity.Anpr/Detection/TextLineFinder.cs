namespace EdgeCity.Anpr.Detection;

/// <summary>
/// Groups character blobs into rows: neighbours of similar height, at the same height in the frame, close together.
/// A row of at least four characters spanning a plate-like length becomes a <see cref="TextLine"/>, with lines
/// fitted through the tops and bottoms of its tallest characters (the digits), which is what rectification needs.
/// </summary>
internal static class TextLineFinder
{
    /// <summary>Fewest characters of a row: every Korean plate's main line has five (가3456), most other plates more.</summary>
    public const int MinCharacters = 4;

    /// <summary>Fewest characters of a row where plates of three exist (the EU's short and personalised plates, ZS7).</summary>
    public const int MinCharactersShortPlates = 3;

    /// <summary>
    /// The rows among <paramref name="blobs"/> of at least <paramref name="minCharacters"/> characters;
    /// <paramref name="nearMisses"/>, if given, receives the boxes of groups that almost made one (two or three small
    /// characters side by side).
    /// </summary>
    public static List<TextLine> Find(List<CharacterBlob> blobs, bool darkText, List<OpenCvSharp.Rect>? nearMisses = null, int minCharacters = MinCharacters)
    {
        blobs.Sort((a, b) => a.X.CompareTo(b.X));
        List<List<CharacterBlob>> groups = BlobClusters.Group(blobs, a => a.Right + (1.3f * a.Height), static (a, b) =>
        {
            float big = Math.Max(a.Height, b.Height), small = Math.Min(a.Height, b.Height);
            return big <= 1.6f * small && Math.Abs(a.CentreY - b.CentreY) <= 0.3f * big && b.X >= a.Right - (0.3f * small);
        });

        var lines = new List<TextLine>();
        foreach (List<CharacterBlob> group in groups)
        {
            int characters = group.Sum(b => b.CharacterCount);
            if (characters < minCharacters)
            {
                if (nearMisses is not null && IsNearMiss(group, characters)) nearMisses.Add(Box(group));
                continue;
            }

            // One or two blobs counted as four or more characters: a run glued at this scale, perhaps a far plate's
            // whole text, read better at full resolution too.
            if (nearMisses is not null && group.Count <= 2 && group.Max(b => b.Height) <= NearMissMaxHeightPx) nearMisses.Add(Box(group));
            TextLine? line = Fit(group, darkText);
            if (line is not null) lines.Add(line);
        }

        return lines;
    }

    /// <summary>Tallest character of a near miss, px of the searched image (a far plate's digits are 6–10 px at half resolution).</summary>
    private const int NearMissMaxHeightPx = 14;

    // Two or three small characters side by side: a far plate whose other characters were glued to each other or to
    // the rim, or too faint at this scale to be blobs.
    private static bool IsNearMiss(List<CharacterBlob> group, int characters) =>
        characters >= 2 && group.Count >= 2 && group.Max(b => b.Height) <= NearMissMaxHeightPx;

    private static OpenCvSharp.Rect Box(List<CharacterBlob> group)
    {
        int left = group.Min(b => b.X), top = group.Min(b => b.Y);
        return new OpenCvSharp.Rect(left, top, group.Max(b => b.Right) - left, group.Max(b => b.Bottom) - top);
    }

    private static TextLine? Fit(List<CharacterBlob> group, bool darkText)
    {
        var heights = group.Select(b => b.Height).Order().ToArray();
        // The full-height characters: around the median height (most of a plate's blobs are digits), not taller — a
        // digit glued to a bolt or the plate's edge is, and would both pull the fit and raise the bar for the rest.
        float median = heights[heights.Length / 2];
        var digits = group.Where(b => b.Height >= 0.78f * median && b.Height <= 1.25f * median).ToList();
        if (digits.Sum(b => b.CharacterCount) < 3)
        {
            float tall = heights[(int)(heights.Length * 0.75)] * 0.78f;
            digits = group.Where(b => b.Height >= tall).ToList();
        }

        if (digits.Sum(b => b.CharacterCount) < 3) return null;
        float left = group.Min(b => b.X), right = group.Max(b => b.Right);
        float meanHeight = (float)digits.Average(b => b.Height);
        float span = (right - left) / meanHeight;
        if (span < 1.6f || span > 16f) return null;
        (float ti, float ts) = LeastSquares(digits, b => b.Y);
        (float bi, float bs) = LeastSquares(digits, b => b.Bottom);
        var line = new TextLine(darkText, left, right, ti, ts, bi, bs, group.Sum(b => b.CharacterCount));
        return line.HeightAt(left) > 3 && line.HeightAt(right) > 3 ? line : null;
    }

    private static (float Intercept, float Slope) LeastSquares(List<CharacterBlob> blobs, Func<CharacterBlob, float> y)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        foreach (CharacterBlob b in blobs)
        {
            // A blob of several glued characters counts once per character, spread along its width.
            int count = b.CharacterCount;
            for (int k = 0; k < count; k++)
            {
                double x = b.X + ((k + 0.5) * b.Width / count), v = y(b);
                sx += x; sy += v; sxx += x * x; sxy += x * v;
                n++;
            }
        }

        double d = (n * sxx) - (sx * sx);
        double slope = Math.Abs(d) < 1e-6 ? 0 : ((n * sxy) - (sx * sy)) / d;
        slope = Math.Clamp(slope, -0.35, 0.35);
        return ((float)((sy - (slope * sx)) / n), (float)slope);
    }
}
