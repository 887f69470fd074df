using EdgeCity.CameraSim.Plates;
using SkiaSharp;

namespace EdgeCity.CameraSim.Scenes;

/// <summary>
/// Paints a street-camera frame: a street background with text-like signs, the front of a car (body, grille,
/// headlights, bumper, plate in an optional frame) drawn through the camera's perspective, then the light (day,
/// night, infrared), blur, noise and JPEG compression a real camera adds.
/// </summary>
internal sealed class SceneRenderer : IDisposable
{
    private static readonly string[] SignWords =
    [
        "주차장", "공영주차장 1시간 2,000원", "051-123-4567", "버스 정류장", "어린이 보호구역", "PARKING", "EXIT 3",
        "편의점 24시", "약국", "30", "서울 12km", "부산역", "HOTEL", "010-9876-5432", "가나안 교회", "SALE 50%", "B 123",
    ];

    private readonly int _width;
    private readonly int _height;
    private readonly PlateFonts _fonts = new();
    private readonly PlateRenderer _plates;

    public SceneRenderer(int width, int height)
    {
        _width = width;
        _height = height;
        _plates = new PlateRenderer(_fonts);
    }

    public (byte[] Jpeg, IReadOnlyList<PlateTruth> Plates) Render(SceneConditions c)
    {
        var random = new Random(c.RenderSeed);
        using var bitmap = new SKBitmap(new SKImageInfo(_width, _height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var truths = new List<PlateTruth>();
        using (var canvas = new SKCanvas(bitmap))
        {
            DrawStreet(canvas, random, c.Signs);
            PlateSpec plate = c.Plate ?? PlateTextGenerator.Next(PlateStyle.KrThreeDigit, random);
            double depth = PlanePerspective.DepthFor(plate.WidthMm, c.PlateWidthPx);
            // Keep the whole car front in the frame: its half-width in pixels bounds the plate centre.
            double carHalfPx = 1000 * PlanePerspective.FocalPx / depth;
            double cx = (_width / 2.0) + ((random.NextDouble() - 0.5) * Math.Max(0, _width - (2 * carHalfPx) - 40));
            double cy = (_height * 0.55) + (random.NextDouble() * _height * 0.3);
            var view = new PlanePerspective(cx, cy, depth, c.YawDeg, c.PitchDeg, c.RollDeg);
            canvas.Save();
            canvas.SetMatrix(view.ToMatrix());
            DrawCar(canvas, random, c, plate);
            canvas.Restore();
            using SKPath plateOutline = PlateOutline(view, plate);
            ApplyLighting(canvas, c.Lighting, plateOutline, view, random);
            if (c.Plate is not null)
            {
                float hw = (float)plate.WidthMm / 2, hh = (float)plate.HeightMm / 2;
                truths.Add(new PlateTruth(plate, [view.Project(-hw, -hh), view.Project(hw, -hh), view.Project(hw, hh), view.Project(-hw, hh)]));
            }
        }

        if (c.Lighting == Lighting.Infrared) ToGrey(bitmap);
        using SKBitmap blurred = Blur(bitmap, c.BlurSigmaPx, c.MotionBlurPx);
        AddNoise(blurred, c.NoiseSigma, random);
        using SKImage image = SKImage.FromBitmap(blurred);
        using SKData data = image.Encode(SKEncodedImageFormat.Jpeg, c.JpegQuality);
        return (data.ToArray(), truths);
    }

    public void Dispose() => _fonts.Dispose();

    private void DrawStreet(SKCanvas canvas, Random random, int signs)
    {
        using var sky = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, _height * 0.5f),
                [RandomGrey(random, 150, 230), RandomGrey(random, 90, 170)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, _width, _height, sky);
        using var paint = new SKPaint { IsAntialias = true };
        for (int i = 0; i < 6; i++)
        {
            paint.Color = RandomColour(random, 60, 200);
            float x = random.Next(_width), w = 120 + random.Next(300), h = 150 + random.Next(250);
            canvas.DrawRect(x - (w / 2), (_height * 0.5f) - h, w, h, paint);
            paint.Color = RandomGrey(random, 40, 120);
            for (float wy = (_height * 0.5f) - h + 15; wy < (_height * 0.5f) - 30; wy += 40)
            for (float wx = x - (w / 2) + 12; wx < x + (w / 2) - 20; wx += 34) canvas.DrawRect(wx, wy, 18, 22, paint);
        }

        paint.Color = RandomGrey(random, 70, 120);
        canvas.DrawRect(0, _height * 0.5f, _width, _height * 0.5f, paint);
        paint.Color = new SKColor(230, 230, 220);
        for (int x = random.Next(100); x < _width; x += 220) canvas.DrawRect(x, _height * 0.8f, 110, 8, paint);

        for (int i = 0; i < signs; i++)
        {
            string word = SignWords[random.Next(SignWords.Length)];
            using var font = new SKFont(_fonts.Korean(random.Next(_fonts.KoreanCount)), 18 + random.Next(40));
            float w = font.MeasureText(word) + 20, h = font.Size * 1.5f;
            float x = random.Next(Math.Max(1, _width - (int)w)), y = random.Next((int)(_height * 0.6));
            bool dark = random.NextDouble() < 0.5;
            paint.Color = dark ? new SKColor(20, 60, 140) : new SKColor(240, 240, 235);
            canvas.DrawRect(x, y, w, h, paint);
            paint.Color = dark ? SKColors.White : new SKColor(20, 20, 20);
            canvas.DrawText(word, x + 10, y + (h * 0.72f), SKTextAlign.Left, font, paint);
        }
    }

    // The car's front in millimetres around the plate centre (y down; the ground at y = +450).
    private void DrawCar(SKCanvas canvas, Random random, SceneConditions c, PlateSpec plate)
    {
        using var paint = new SKPaint { IsAntialias = true };
        SKColor body = RandomColour(random, 20, 240);
        paint.Color = new SKColor(25, 25, 25);
        canvas.DrawRect(-900, 150, 260, 300, paint);
        canvas.DrawRect(640, 150, 260, 300, paint);
        paint.Color = body;
        canvas.DrawRoundRect(new SKRect(-920, -520, 920, 330), 80, 80, paint);
        paint.Color = new SKColor(40, 50, 60);
        using (SKPath glass = Polygon(new SKPoint(-800, -520), new SKPoint(800, -520), new SKPoint(620, -1050), new SKPoint(-620, -1050)))
        {
            canvas.DrawPath(glass, paint);
        }

        paint.Color = new SKColor(235, 235, 225);
        canvas.DrawRoundRect(new SKRect(-860, -400, -560, -270), 40, 40, paint);
        canvas.DrawRoundRect(new SKRect(560, -400, 860, -270), 40, 40, paint);
        if (c.Grille)
        {
            paint.Color = new SKColor(30, 30, 32);
            canvas.DrawRoundRect(new SKRect(-480, -380, 480, -110), 30, 30, paint);
            paint.Color = RandomGrey(random, 120, 200);
            int bars = 4 + random.Next(5);
            for (int i = 0; i < bars; i++)
            {
                float y = -370 + ((i + 0.5f) * 260 / bars);
                canvas.DrawRect(-470, y - 8, 940, 10, paint);
            }
        }

        paint.Color = Darken(body, 0.8f);
        canvas.DrawRect(-920, 80, 1840, 40, paint);
        if (c.Plate is null) return;

        float hw = (float)plate.WidthMm / 2, hh = (float)plate.HeightMm / 2;
        if (c.PlateFrame)
        {
            paint.Color = random.NextDouble() < 0.5 ? new SKColor(30, 30, 30) : new SKColor(190, 190, 195);
            canvas.DrawRoundRect(new SKRect(-hw - 14, -hh - 12, hw + 14, hh + 26), 10, 10, paint);
            paint.Color = paint.Color.Red > 100 ? new SKColor(30, 30, 30) : new SKColor(220, 220, 220);
            using var font = new SKFont(_fonts.Latin(0), 13);
            canvas.DrawText(random.NextDouble() < 0.5 ? "HYUNDAI MOTORS  SEOUL" : "KIA AUTO  051-555-0101", 0, hh + 20, SKTextAlign.Center, font, paint);
        }

        canvas.Save();
        canvas.Translate(-hw, -hh);
        _plates.Draw(canvas, plate, c.FontFace, border: random.NextDouble() < 0.5);
        if (c.Dirt)
        {
            for (int i = 0; i < 6 + random.Next(10); i++)
            {
                paint.Color = new SKColor((byte)(90 + random.Next(40)), (byte)(70 + random.Next(30)), 40, (byte)(40 + random.Next(90)));
                canvas.DrawOval(random.Next((int)(2 * hw)), random.Next((int)(2 * hh)), 5 + random.Next(25), 3 + random.Next(12), paint);
            }
        }

        canvas.Restore();
        if (c.Occlusion)
        {
            // A pole or tow bar in front of the plate: a vertical bar over at most a few percent of its width, near an end.
            paint.Color = RandomGrey(random, 20, 90);
            float x = random.NextDouble() < 0.5 ? -hw + 2 : hw - 26;
            canvas.DrawRect(x, -hh - 200, 16 + random.Next(10), 700, paint);
        }
    }

    private static SKPath PlateOutline(PlanePerspective view, PlateSpec plate)
    {
        float hw = (float)plate.WidthMm / 2, hh = (float)plate.HeightMm / 2;
        return Polygon(view.Project(-hw, -hh), view.Project(hw, -hh), view.Project(hw, hh), view.Project(-hw, hh));
    }

    private static SKPath Polygon(params SKPoint[] points)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(points[0]);
        for (int i = 1; i < points.Length; i++) builder.LineTo(points[i]);
        builder.Close();
        return builder.Detach();
    }

    private void ApplyLighting(SKCanvas canvas, Lighting lighting, SKPath plate, PlanePerspective view, Random random)
    {
        if (lighting == Lighting.Day) return;
        var full = new SKRect(0, 0, _width, _height);
        if (lighting == Lighting.Infrared)
        {
            // Dark surroundings, the retroreflective plate bright; the picture turns grey afterwards (ToGrey).
            using var dark = new SKPaint { Color = new SKColor(0, 0, 0, (byte)(120 + random.Next(60))) };
            canvas.Save();
            canvas.ClipPath(plate, SKClipOperation.Difference, antialias: true);
            canvas.DrawRect(full, dark);
            canvas.Restore();
            using var glow = new SKPaint { Color = new SKColor(255, 255, 255, (byte)(40 + random.Next(60))), BlendMode = SKBlendMode.Screen };
            canvas.DrawPath(plate, glow);
            return;
        }

        // Night: everything dark but the plate under its lamp; headlights glare.
        using var night = new SKPaint { Color = new SKColor(0, 0, 10, (byte)(170 + random.Next(50))) };
        canvas.Save();
        canvas.ClipPath(plate, SKClipOperation.Difference, antialias: true);
        canvas.DrawRect(full, night);
        canvas.Restore();
        using var lamp = new SKPaint { Color = new SKColor(0, 0, 0, (byte)(40 + random.Next(90))) };
        canvas.DrawPath(plate, lamp);
        foreach (float side in new[] { -710f, 710f })
        {
            SKPoint p = view.Project(side, -335);
            float radius = Math.Abs(view.Project(side + 300, -335).X - p.X) + 10;
            using var glare = new SKPaint
            {
                Shader = SKShader.CreateRadialGradient(p, radius, [new SKColor(255, 255, 240, 250), new SKColor(255, 255, 220, 0)], SKShaderTileMode.Clamp),
            };
            canvas.DrawCircle(p, radius, glare);
        }
    }

    private static SKBitmap Blur(SKBitmap source, double sigma, double motion)
    {
        var target = new SKBitmap(source.Info);
        using var canvas = new SKCanvas(target);
        using var paint = new SKPaint();
        if (sigma > 0 || motion > 0)
        {
            paint.ImageFilter = SKImageFilter.CreateBlur((float)(sigma + motion), (float)Math.Max(sigma, 0.01));
        }

        using SKImage image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint);
        return target;
    }

    private static void ToGrey(SKBitmap bitmap)
    {
        Span<byte> p = bitmap.GetPixelSpan();
        for (int i = 0; i + 3 < p.Length; i += 4)
        {
            byte y = (byte)(((77 * p[i]) + (150 * p[i + 1]) + (29 * p[i + 2])) >> 8);
            p[i] = p[i + 1] = p[i + 2] = y;
        }
    }

    private static void AddNoise(SKBitmap bitmap, double sigma, Random random)
    {
        if (sigma <= 0) return;
        // A table of Gaussian samples walked from a random start: cheap, and still seeded.
        var table = new sbyte[65536];
        for (int i = 0; i < table.Length; i++)
        {
            double g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            table[i] = (sbyte)Math.Clamp(Math.Round(g * sigma), -127, 127);
        }

        Span<byte> pixels = bitmap.GetPixelSpan();
        int k = random.Next(table.Length);
        for (int i = 0; i < pixels.Length; i++)
        {
            if ((i & 3) == 3) continue;
            pixels[i] = (byte)Math.Clamp(pixels[i] + table[k], 0, 255);
            k = (k + 7919) & 0xFFFF;
        }
    }

    private static SKColor RandomGrey(Random random, int min, int max)
    {
        byte v = (byte)(min + random.Next(max - min));
        return new SKColor(v, v, v);
    }

    private static SKColor RandomColour(Random random, int min, int max) =>
        new((byte)(min + random.Next(max - min)), (byte)(min + random.Next(max - min)), (byte)(min + random.Next(max - min)));

    private static SKColor Darken(SKColor c, float f) => new((byte)(c.Red * f), (byte)(c.Green * f), (byte)(c.Blue * f));
}
