using SkiaSharp;

namespace EdgeCity.FontGenerator;

/// <summary>
/// Rasterises single characters of a TrueType font into 1-bit cells of a fixed height, without anti-aliasing
/// (the display draws each set bit at the text's grey level) and with full hinting, which keeps Hangul strokes
/// on whole pixels at 16 px.
/// </summary>
internal sealed class GlyphRasterizer : IDisposable
{
    private readonly SKTypeface _typeface;
    private readonly SKFont _font;

    /// <summary>Loads <paramref name="fontPath"/> at <paramref name="sizePx"/> pixels per em for cells <paramref name="cellHeightPx"/> tall.</summary>
    /// <param name="fontPath">A TrueType or TrueType collection file.</param>
    /// <param name="sizePx">Pixels per em.</param>
    /// <param name="cellHeightPx">Rows per cell.</param>
    /// <param name="baselinePx">The baseline row to share with another font; by default this font's ascent and descent are centred.</param>
    public GlyphRasterizer(string fontPath, float sizePx, int cellHeightPx, int baselinePx = -1)
    {
        _typeface = SKTypeface.FromFile(fontPath) ?? throw new FileNotFoundException($"cannot load font {fontPath}", fontPath);
        _font = new SKFont(_typeface, sizePx) { Edging = SKFontEdging.Alias, Hinting = SKFontHinting.Full, Subpixel = false };
        CellHeightPx = cellHeightPx;
        SKFontMetrics metrics = _font.Metrics;

        // Centre the font's ascent+descent in the cell; the baseline is where glyphs stand.
        float extent = -metrics.Ascent + metrics.Descent;
        BaselinePx = baselinePx >= 0 ? baselinePx : (int)MathF.Round(((cellHeightPx - extent) / 2) - metrics.Ascent);
    }

    /// <summary>Rows per glyph cell.</summary>
    public int CellHeightPx { get; }

    /// <summary>Row of the baseline within the cell, from the top.</summary>
    public int BaselinePx { get; }

    /// <summary>True when the font has a glyph for <paramref name="c"/>.</summary>
    public bool Covers(char c) => _font.ContainsGlyph(c);

    /// <summary>Rasterises <paramref name="c"/>: its advance in pixels and one bool per pixel, row-major.</summary>
    public (int AdvancePx, bool[] Pixels) Rasterize(char c)
    {
        string text = c.ToString();
        int advance = Math.Max(1, (int)MathF.Round(_font.MeasureText(text)));
        using var bitmap = new SKBitmap(new SKImageInfo(advance, CellHeightPx, SKColorType.Alpha8, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false })
        {
            canvas.Clear(SKColors.Transparent);
            canvas.DrawText(text, 0, BaselinePx, SKTextAlign.Left, _font, paint);
        }

        var pixels = new bool[advance * CellHeightPx];
        for (int y = 0; y < CellHeightPx; y++)
        {
            for (int x = 0; x < advance; x++)
            {
                pixels[(y * advance) + x] = bitmap.GetPixel(x, y).Alpha >= 128;
            }
        }

        return (advance, pixels);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _font.Dispose();
        _typeface.Dispose();
    }
}
