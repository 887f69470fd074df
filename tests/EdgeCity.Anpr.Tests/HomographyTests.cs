using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// <c>Homography.Between</c> replaces OpenCV's <c>getPerspectiveTransform</c> for every warp of a row (to the line and
/// back), <c>Homography.Map</c> its <c>perspectiveTransform</c> of the characters' tops and bottoms: they must give
/// OpenCV's coefficients and points to the bit, or the warps, the refits and so every reading would move.
/// </summary>
public class HomographyTests
{
    [Fact]
    public void The_transforms_of_bench_rows_equal_OpenCVs()
    {
        int compared = 0;
        foreach (int index in new[] { 3, 16, 30, 72 })
        {
            (Mat frame, _) = BenchScenes.Load(index);
            using (frame)
            using (var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY))
            {
                foreach (TextLine row in LineSource.Find(grey, null, lightText: true))
                {
                    // The corners as the rectifier places them: the row's extent along its top and bottom lines.
                    float h = row.MeanHeight, xl = row.Left - (LineRectifier.SearchExtension * h), xr = row.Right + (LineRectifier.SearchExtension * h);
                    int width = (int)MathF.Round((xr - xl) * RectifiedLine.CharHeight / h);
                    Point2f[] source = [new(xl, row.Top(xl) - h), new(xr, row.Top(xr) - h), new(xr, row.Bottom(xr) + (0.2f * h)), new(xl, row.Bottom(xl) + (0.2f * h))];
                    Point2f[] target = [new(0, 0), new(width, 0), new(width, RectifiedLine.Rows), new(0, RectifiedLine.Rows)];
                    AssertSame(source, target);
                    AssertSame(target, source);
                    compared += 2;
                }
            }
        }

        Assert.True(compared >= 40, $"{compared} transforms compared");
    }

    [Fact]
    public void The_transforms_of_random_quadrilaterals_equal_OpenCVs()
    {
        var random = new Random(1);
        for (int t = 0; t < 5000; t++)
        {
            float x = (float)(random.NextDouble() * 1200), y = (float)(random.NextDouble() * 700);
            float w = (float)((random.NextDouble() * 500) + 20), h = (float)((random.NextDouble() * 100) + 5);
            Point2f[] quad = [new(x, y), new(x + w, y + (float)((random.NextDouble() * 30) - 15)), new(x + w + ((float)random.NextDouble() * 5), y + h), new(x - ((float)random.NextDouble() * 5), y + h + (float)(random.NextDouble() * 10))];
            int width = random.Next(40, 1400);
            Point2f[] rectangle = [new(0, 0), new(width, 0), new(width, RectifiedLine.Rows), new(0, RectifiedLine.Rows)];
            AssertSame(quad, rectangle);
            AssertSame(rectangle, quad);
        }
    }

    [Fact]
    public void Points_are_mapped_as_OpenCV_maps_them()
    {
        var random = new Random(4);
        for (int t = 0; t < 3000; t++)
        {
            float x = (float)(random.NextDouble() * 1200), y = (float)(random.NextDouble() * 700);
            Point2f[] rectangle = [new(0, 0), new(300, 0), new(300, RectifiedLine.Rows), new(0, RectifiedLine.Rows)];
            Point2f[] quad = [new(x, y), new(x + 200, y + (float)(random.NextDouble() * 20)), new(x + 203, y + 60), new(x - (float)(random.NextDouble() * 4), y + 52)];
            using Mat toFrame = Cv2.GetPerspectiveTransform(rectangle, quad);
            Point2f[] points = Enumerable.Range(0, 8).Select(_ => new Point2f((float)(random.NextDouble() * 300), (float)(random.NextDouble() * RectifiedLine.Rows))).ToArray();
            Assert.Equal(Cv2.PerspectiveTransform(points, toFrame), Homography.Map(points, toFrame));
        }

        // A point the transform sends to infinity: (0, 0), as OpenCV.
        using Mat vanishing = Mat.FromPixelData(3, 3, MatType.CV_64FC1, new double[] { 1, 0, 0, 0, 1, 0, 1, 0, 0 });
        Point2f[] atInfinity = [new(0, 5), new(2, 5)];
        Assert.Equal(Cv2.PerspectiveTransform(atInfinity, vanishing), Homography.Map(atInfinity, vanishing));
    }

    [Fact]
    public void Points_in_a_line_are_left_to_OpenCV()
    {
        // Degenerate (three points on a line): no 8×8 solution OpenCV would keep; whatever it answers is the answer.
        AssertSame([new(0, 0), new(10, 0), new(20, 0), new(0, 10)], [new(0, 0), new(40, 0), new(40, 72), new(0, 72)]);
    }

    private static void AssertSame(Point2f[] source, Point2f[] target)
    {
        using Mat expected = Cv2.GetPerspectiveTransform(source, target);
        using Mat actual = Homography.Between(source, target);
        expected.GetArray(out double[] e);
        actual.GetArray(out double[] a);
        Assert.True(e.SequenceEqual(a), $"[{string.Join(", ", source)}] → [{string.Join(", ", target)}]: OpenCV [{string.Join(", ", e)}], here [{string.Join(", ", a)}]");
    }
}
