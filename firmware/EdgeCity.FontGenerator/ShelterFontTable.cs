namespace EdgeCity.FontGenerator;

/// <summary>Builds the shelter display's glyph table source from a font and the list of characters it must show.</summary>
public static class ShelterFontTable
{
    /// <summary>Cell height of the table, in pixels: four text rows fill the 64-row SSD1322 panel.</summary>
    public const int CellHeightPx = 16;

    /// <summary>
    /// Rasterises printable ASCII plus every character of <paramref name="characterList"/> (whitespace and '#'
    /// comment lines ignored) and returns the C# source. <paramref name="missing"/> lists characters the font lacks.
    /// </summary>
    /// <param name="fontPath">The main font (NanumGothic: Hangul, Latin, kana, KS X 1001 Hanja).</param>
    /// <param name="fallbackFontPath">For what the main font lacks (simplified Chinese, Japanese shinjitai): WenQuanYi Micro Hei.</param>
    /// <param name="sizePx">Pixels per em.</param>
    /// <param name="characterList">The text of ShelterFontCharacters.txt.</param>
    /// <param name="missing">Characters neither font has.</param>
    public static string Generate(string fontPath, string fallbackFontPath, float sizePx, string characterList, out IReadOnlyList<char> missing)
    {
        var wanted = new SortedSet<char>();
        for (char c = ' '; c <= '~'; c++)
        {
            wanted.Add(c);
        }

        foreach (string line in characterList.Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            foreach (char c in line)
            {
                if (!char.IsWhiteSpace(c) && !char.IsSurrogate(c))
                {
                    wanted.Add(c);
                }
            }
        }

        // U+25A1 WHITE SQUARE stands in for any character the table lacks.
        wanted.Add('\u25A1');
        using var rasterizer = new GlyphRasterizer(fontPath, sizePx, CellHeightPx);
        using var fallback = new GlyphRasterizer(fallbackFontPath, sizePx, CellHeightPx, rasterizer.BaselinePx);
        var glyphs = new List<(char, int, bool[])>();
        var absent = new List<char>();
        foreach (char c in wanted)
        {
            GlyphRasterizer? source = rasterizer.Covers(c) ? rasterizer : fallback.Covers(c) ? fallback : null;
            if (source is null)
            {
                absent.Add(c);
                continue;
            }

            var (advance, pixels) = source.Rasterize(c);
            glyphs.Add((c, advance, pixels));
        }

        missing = absent;
        string description = $"{Path.GetFileName(fontPath)} (Debian fonts-nanum), {Path.GetFileName(fallbackFontPath)} (fonts-wqy-microhei) for the rest, at {sizePx.ToString(System.Globalization.CultureInfo.InvariantCulture)} px";
        return FontTableWriter.Write("ShelterFont16", description, CellHeightPx, rasterizer.BaselinePx, glyphs);
    }
}
