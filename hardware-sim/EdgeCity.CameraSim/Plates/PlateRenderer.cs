using SkiaSharp;

namespace EdgeCity.CameraSim.Plates;

/// <summary>
/// Draws a plate in its own millimetre coordinates (origin top-left, <see cref="PlateSpec.WidthMm"/> ×
/// <see cref="PlateSpec.HeightMm"/>) onto any canvas, so the scene can draw it through the camera's perspective.
/// Layouts follow the Korean plate standard in proportion (character boxes of equal height, the Hangul a little wider
/// than a digit, the region small) and the EU plate with its blue band.
/// </summary>
public sealed class PlateRenderer
{
    private readonly PlateFonts _fonts;

    /// <summary>Draws with <paramref name="fonts"/>.</summary>
    public PlateRenderer(PlateFonts fonts) => _fonts = fonts;

    /// <summary>Draws <paramref name="plate"/> with face number <paramref name="face"/> (any integer; taken modulo the faces).</summary>
    /// <param name="canvas">Target, already transformed so one unit is one millimetre of plate.</param>
    /// <param name="plate">What to draw.</param>
    /// <param name="face">Which font face.</param>
    /// <param name="border">Draw the thin dark border line some plates have.</param>
    public void Draw(SKCanvas canvas, PlateSpec plate, int face, bool border)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(plate);
        float w = (float)plate.WidthMm, h = (float)plate.HeightMm;
        (SKColor background, SKColor ink) = Colours(plate);
        using var fill = new SKPaint { Color = background, IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(0, 0, w, h), 6, 6, fill);
        using var inkPaint = new SKPaint { Color = ink, IsAntialias = true };
        if (border)
        {
            using var line = new SKPaint { Color = ink, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f };
            canvas.DrawRoundRect(new SKRect(4, 4, w - 4, h - 4), 5, 5, line);
        }

        SKTypeface korean = _fonts.Korean(Math.Abs(face) % _fonts.KoreanCount);
        SKTypeface latin = _fonts.Latin(Math.Abs(face) % _fonts.LatinCount);
        string t = plate.Text;
        switch (plate.Style)
        {
            case PlateStyle.KrTwoDigit:
            case PlateStyle.KrThreeDigit:
                DrawLine(canvas, korean, inkPaint, t, 0, w, 16, 78, plate.Style == PlateStyle.KrTwoDigit ? 50 : 44);
                Bolts(canvas, w);
                break;
            case PlateStyle.KrRegionalStacked:
            {
                // Region syllables stacked at the left, the rest as a single line.
                float x0 = 30;
                DrawGlyph(canvas, korean, inkPaint, t[..1], new SKRect(x0, 18, x0 + 40, 51), "가");
                DrawGlyph(canvas, korean, inkPaint, t[1..2], new SKRect(x0, 59, x0 + 40, 92), "가");
                DrawLine(canvas, korean, inkPaint, t[2..], x0 + 48, w - 10, 16, 78, 46);
                Bolts(canvas, w);
                break;
            }

            case PlateStyle.KrRegionalTwoLine:
            {
                // Top: region (two syllables side by side) and the 2-digit class; bottom: Hangul and four digits.
                float cx = w / 2;
                DrawGlyph(canvas, korean, inkPaint, t[..1], new SKRect(cx - 110, 14, cx - 70, 62), "가");
                DrawGlyph(canvas, korean, inkPaint, t[1..2], new SKRect(cx - 64, 14, cx - 24, 62), "가");
                DrawGlyph(canvas, korean, inkPaint, t[2..3], new SKRect(cx + 12, 14, cx + 48, 62), "0");
                DrawGlyph(canvas, korean, inkPaint, t[3..4], new SKRect(cx + 54, 14, cx + 90, 62), "0");
                DrawGlyph(canvas, korean, inkPaint, t[4..5], new SKRect(20, 74, 82, 156), "가");
                for (int i = 0; i < 4; i++)
                {
                    float x = 96 + (i * 56);
                    DrawGlyph(canvas, korean, inkPaint, t.Substring(5 + i, 1), new SKRect(x, 74, x + 50, 156), "0");
                }

                break;
            }

            default:
                DrawEu(canvas, plate, latin, inkPaint, w, h);
                break;
        }
    }

    /// <summary>Background and text colours.</summary>
    public static (SKColor Background, SKColor Ink) Colours(PlateSpec plate)
    {
        ArgumentNullException.ThrowIfNull(plate);
        return plate.Colour switch
        {
            PlateColour.Yellow => (new SKColor(247, 196, 38), plate.Style == PlateStyle.KrRegionalTwoLine ? new SKColor(24, 38, 92) : new SKColor(25, 25, 25)),
            PlateColour.Green => (new SKColor(36, 104, 66), new SKColor(242, 242, 236)),
            PlateColour.Blue => (new SKColor(128, 182, 226), new SKColor(18, 22, 30)),
            _ => (new SKColor(244, 244, 238), new SKColor(18, 18, 18)),
        };
    }

    // A single line of Korean text: digits in boxes of digitWidth, the Hangul 1.25× wider with extra space after it.
    private static void DrawLine(SKCanvas canvas, SKTypeface face, SKPaint ink, string text, float left, float right, float top, float height, float digitWidth)
    {
        const float gap = 6;
        float hangulWidth = digitWidth * 1.25f;
        float total = 0;
        foreach (char c in text) total += (char.IsAsciiDigit(c) ? digitWidth : hangulWidth + 8) + gap;
        total -= gap;
        float x = left + ((right - left - total) / 2);
        foreach (char c in text)
        {
            bool digit = char.IsAsciiDigit(c);
            float cw = digit ? digitWidth : hangulWidth;
            if (!digit) x += 4;
            DrawGlyph(canvas, face, ink, c.ToString(), new SKRect(x, top, x + cw, top + height), digit ? "0" : "가");
            x += cw + gap + (digit ? 0 : 4);
        }
    }

    private void DrawEu(SKCanvas canvas, PlateSpec plate, SKTypeface face, SKPaint ink, float w, float h)
    {
        using var blue = new SKPaint { Color = new SKColor(0, 51, 153), IsAntialias = true };
        canvas.DrawRect(new SKRect(3, 3, 46, h - 3), blue);
        using var star = new SKPaint { Color = new SKColor(255, 204, 0), IsAntialias = true };
        for (int i = 0; i < 12; i++)
        {
            double a = i * Math.PI / 6;
            canvas.DrawCircle(24.5f + (float)(12 * Math.Cos(a)), 32 + (float)(12 * Math.Sin(a)), 2.2f, star);
        }

        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        string country = plate.Region;
        float cw = country.Length == 1 ? 16 : 26;
        DrawGlyph(canvas, _fonts.Latin(0), white, country, new SKRect(24.5f - (cw / 2), 62, 24.5f + (cw / 2), 88), country);

        string display = plate.Display ?? plate.Text;
        const float charWidth = 40, gap = 5, groupGap = 22;
        float total = 0;
        foreach (char c in display) total += c == ' ' ? groupGap : charWidth + gap;
        float x = 50 + ((w - 50 - total) / 2);
        foreach (char c in display)
        {
            if (c == ' ')
            {
                x += groupGap;
                continue;
            }

            DrawGlyph(canvas, face, ink, c.ToString(), new SKRect(x, 18, x + charWidth, 92), "0");
            x += charWidth + gap;
        }
    }

    private static void Bolts(SKCanvas canvas, float w)
    {
        using var bolt = new SKPaint { Color = new SKColor(150, 150, 150), IsAntialias = true };
        canvas.DrawCircle(14, 55, 4, bolt);
        canvas.DrawCircle(w - 14, 55, 4, bolt);
    }

    /// <summary>
    /// Draws <paramref name="text"/> with its ink exactly as tall as <paramref name="box"/>. Horizontally a digit or
    /// letter is scaled as <paramref name="reference"/> would be to fill the box (so a narrow 1 stays narrow, never
    /// wider than the box); a Hangul syllable or region name fills the box, as on Korean plates.
    /// </summary>
    private static void DrawGlyph(SKCanvas canvas, SKTypeface face, SKPaint paint, string text, SKRect box, string reference)
    {
        using var font = new SKFont(face, 100) { Edging = SKFontEdging.Antialias, Subpixel = true };
        SKRect bounds = InkBounds(font, text);
        if (bounds.Width <= 0 || bounds.Height <= 0) return;
        float sy = box.Height / bounds.Height;
        float sx = box.Width / bounds.Width;
        if (char.IsAsciiLetterOrDigit(text[0]))
        {
            sx = Math.Min(sx, box.Width / InkBounds(font, reference).Width);
        }

        float inkWidth = bounds.Width * sx;
        canvas.Save();
        canvas.Translate(box.MidX - (inkWidth / 2), box.Top);
        canvas.Scale(sx, sy);
        canvas.Translate(-bounds.Left, -bounds.Top);
        canvas.DrawText(text, 0, 0, SKTextAlign.Left, font, paint);
        canvas.Restore();
    }

    // The tight bounds of the ink (MeasureText gives Hangul the font's whole ascent-to-descent box).
    private static SKRect InkBounds(SKFont font, string text)
    {
        ushort[] glyphs = font.GetGlyphs(text);
        float[] widths = font.GetGlyphWidths(glyphs, null);
        SKRect total = SKRect.Empty;
        float x = 0;
        for (int i = 0; i < glyphs.Length; i++)
        {
            using SKPath? path = font.GetGlyphPath(glyphs[i]);
            if (path is not null && !path.IsEmpty)
            {
                SKRect b = path.TightBounds;
                b.Offset(x, 0);
                total = total.IsEmpty ? b : SKRect.Union(total, b);
            }

            x += widths[i];
        }

        return total;
    }
}
