using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Glyphs;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// <c>GlyphImage.Render</c> keeps its canvases and output image per thread and reads the box's grey range in place
/// (it ran ~30 times a frame, its native allocations and calls costing as much as its pixels). Its images must be those
/// of the plain version (a fresh canvas, <c>MinMaxLoc</c>; kept here as the reference), byte for byte, whatever sizes of
/// box came before — on the rows of bench scenes, boxes of every size, wider than a kept canvas and cut by the line's edges.
/// </summary>
public class GlyphImageRenderTests
{
    [Fact]
    public void Glyph_images_equal_the_plain_renderings_on_the_rows_of_bench_scenes()
    {
        var random = new Random(3);
        var image = new byte[GlyphImage.Length];
        int compared = 0;
        foreach (int index in new[] { 3, 16, 72 })
        {
            (Mat frame, _) = BenchScenes.Load(index);
            using (frame)
            using (var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY))
            {
                foreach (TextLine row in LineSource.Find(grey, null, lightText: true).Take(8))
                {
                    using RectifiedLine? line = LineRectifier.Rectify(grey, row);
                    if (line is null) continue;
                    var boxes = GlyphSegmenter.Segment(line, GlyphSegmenter.MainThreshold(line, 0, line.Width), 0, RectifiedLine.Rows, 3).ToList();
                    for (int i = 0; i < 40; i++)
                    {
                        int w = random.Next(1, Math.Min(line.Width, 140)), h = random.Next(1, RectifiedLine.Rows + 10);
                        boxes.Add(new GlyphBox(random.Next(-5, line.Width), random.Next(-5, RectifiedLine.Rows), w, h));
                    }

                    foreach (GlyphBox box in boxes)
                    {
                        GlyphImage.Render(line.Grey, box, image);
                        Assert.True(Reference(line.Grey, box).SequenceEqual(image), $"scene {index}: box {box} rendered otherwise");
                        compared++;
                    }
                }
            }
        }

        Assert.True(compared >= 500, $"{compared} boxes compared");
    }

    // The glyph image as it was rendered first: a fresh canvas and output, the range from MinMaxLoc.
    private static byte[] Reference(Mat grey, GlyphBox box)
    {
        int x0 = Math.Clamp(box.X - 1, 0, grey.Cols - 1), y0 = Math.Clamp(box.Y - 1, 0, grey.Rows - 1);
        int x1 = Math.Clamp(box.Right + 1, x0 + 1, grey.Cols), y1 = Math.Clamp(box.Bottom + 1, y0 + 1, grey.Rows);
        int w = x1 - x0, h = y1 - y0;
        int square = Math.Max(Math.Max(w, h), RectifiedLine.CharHeight + 2);
        using Mat crop = grey[new Rect(x0, y0, w, h)];
        crop.MinMaxLoc(out double min, out double max);
        double alpha = max - min < 1 ? 1 : 255 / (max - min);
        using var canvas = new Mat(square, square, MatType.CV_8UC1, Scalar.All(255));
        using (Mat inner = canvas[new Rect((square - w) / 2, (square - h) / 2, w, h)])
        {
            crop.ConvertTo(inner, MatType.CV_8UC1, alpha, -min * alpha);
        }

        using var scaled = new Mat();
        Cv2.Resize(canvas, scaled, new Size(GlyphImage.Side, GlyphImage.Side), 0, 0, square == GlyphImage.Side ? InterpolationFlags.Linear : InterpolationFlags.Area);
        scaled.GetArray(out byte[] pixels);
        return pixels;
    }
}
