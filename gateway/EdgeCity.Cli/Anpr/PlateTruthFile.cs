using System.Globalization;

namespace EdgeCity.Cli.Anpr;

/// <summary>One plate of a photo's ground truth: the image it is in, its box and what it says.</summary>
internal sealed record PlateTruthEntry(string Image, int X, int Y, int Width, int Height, string Text);

/// <summary>
/// Ground truth in OpenALPR's benchmark format (its <c>benchmarks/endtoend/{country}/</c> folders): a <c>.txt</c>
/// beside each photo with one line per plate, <c>IMAGE&lt;TAB&gt;X&lt;TAB&gt;Y&lt;TAB&gt;W&lt;TAB&gt;H&lt;TAB&gt;PLATE</c>,
/// e.g. <c>eu1.jpg	396	340	203	46	M5XSX</c>. The same format is what <c>anpr scenes</c> writes beside its frames,
/// so photographs and simulated scenes are judged by one command, beside OpenALPR on the same files.
/// </summary>
internal static class PlateTruthFile
{
    /// <summary>What a line must look like, for error messages.</summary>
    public const string Expected = "IMAGE<TAB>X<TAB>Y<TAB>WIDTH<TAB>HEIGHT<TAB>PLATE (OpenALPR's benchmark format)";

    /// <summary>Reads <paramref name="path"/>; problems (file:line: what was expected) are added to <paramref name="problems"/>.</summary>
    public static List<PlateTruthEntry> Read(string path, List<string> problems)
    {
        var entries = new List<PlateTruthEntry>();
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{path}: cannot read: {e.Message}");
            return entries;
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != 6)
            {
                problems.Add($"{path}:{i + 1}: {fields.Length} tab-separated fields (expected 6: {Expected})");
                continue;
            }

            var numbers = new int[4];
            int bad = -1;
            for (int f = 0; f < 4; f++)
            {
                if (!int.TryParse(fields[f + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[f]) || numbers[f] < 0)
                {
                    bad = f;
                    break;
                }
            }

            if (bad >= 0)
            {
                problems.Add($"{path}:{i + 1}: field {bad + 2} '{fields[bad + 1]}' (expected a whole number of pixels: {Expected})");
                continue;
            }

            string text = Normalize(fields[5]);
            if (text.Length == 0 || fields[0].Length == 0)
            {
                problems.Add($"{path}:{i + 1}: empty image name or plate (expected {Expected})");
                continue;
            }

            entries.Add(new PlateTruthEntry(fields[0], numbers[0], numbers[1], numbers[2], numbers[3], text));
        }

        return entries;
    }

    /// <summary>Writes the truth of one image (its plates) to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<PlateTruthEntry> plates) =>
        File.WriteAllLines(path, plates.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Image}\t{p.X}\t{p.Y}\t{p.Width}\t{p.Height}\t{p.Text}")));

    /// <summary>A plate text as compared: upper case, without the spaces and dashes printed on some plates.</summary>
    public static string Normalize(string text) =>
        new([.. text.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '·')]);
}
