using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The segmenter's run-based labelling gives OpenCV's components in OpenCV's order, and the vectorised edge eraser what
/// the pixel-by-pixel one gave: both only saved time (bench anpr reads the same plates).
/// </summary>
public class RunComponentsTests
{
    [Theory]
    [InlineData(1, 40, 203, 0.3)]
    [InlineData(2, 34, 480, 0.5)]
    [InlineData(3, 72, 97, 0.7)]
    [InlineData(4, 1, 64, 0.5)]
    [InlineData(5, 37, 1, 0.5)]
    public void Run_components_equal_opencvs_components_in_its_order(int seed, int rows, int cols, double ink)
    {
        // Random ink of several densities (many touching components, diagonal contacts, odd sizes: the 2×2 blocks'
        // order is where a run-based labelling could differ), and a few character-like strokes.
        using Mat binary = RandomInk(seed, rows, cols, ink);
        List<(GlyphBox Box, int Ink)> expected = OpenCvComponents(binary);

        List<(GlyphBox Box, int Ink)> actual = RunComponents.Find(binary);

        Assert.True(expected.Count > 0 || rows * cols < 4, $"seed {seed}: no components to compare");
        Assert.True(expected.SequenceEqual(actual), $"seed {seed} ({cols}x{rows}): {actual.Count} components against OpenCV's {expected.Count}; first difference at {expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count()}");
    }

    [Theory]
    [InlineData(6, 0.4)]
    [InlineData(7, 0.6)]
    public void Each_components_pixels_are_those_opencv_labels_with_it(int seed, double ink)
    {
        // BlobExtractor looks into a few components (a plate shape's middle, a rim's mask) through their runs, as it
        // did through OpenCV's label image.
        using Mat binary = RandomInk(seed, 90, 161, ink);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        Cv2.ConnectedComponentsWithStatsWithAlgorithm(binary, labels, stats, centroids, PixelConnectivity.Connectivity8, MatType.CV_32S, ConnectedComponentsAlgorithmsTypes.GRANA);
        labels.GetArray(out int[] ids);

        List<(GlyphBox Box, int Ink)> components = RunComponents.Find(binary, out ComponentPixels pixels);

        for (int i = 0; i < components.Count; i++)
        {
            GlyphBox c = components[i].Box;
            var box = new Rect(c.X, c.Y, c.Width, c.Height);
            bool[] mask = pixels.Mask(i, box);
            for (int y = 0; y < box.Height; y++)
            {
                for (int x = 0; x < box.Width; x++)
                {
                    Assert.True(mask[(y * box.Width) + x] == (ids[((box.Y + y) * binary.Cols) + box.X + x] == i + 1), $"seed {seed}: component {i} at ({box.X + x},{box.Y + y})");
                }
            }

            Assert.Equal(components[i].Ink, pixels.CountIn(i, box));
            var middle = new Rect(box.X + (box.Width / 3), box.Y + (box.Height / 3), Math.Max(1, box.Width / 3), Math.Max(1, box.Height / 3));
            int expected = 0;
            for (int y = middle.Top; y < middle.Bottom; y++)
            {
                for (int x = middle.Left; x < middle.Right; x++) expected += ids[(y * binary.Cols) + x] == i + 1 ? 1 : 0;
            }

            Assert.Equal(expected, pixels.CountIn(i, middle));
        }

        Assert.True(components.Count > 10, $"seed {seed}: only {components.Count} components");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(65)]
    public void Run_components_equal_opencvs_on_blank_full_checkered_and_single_pixel_images(int cols)
    {
        // Widths on either side of the span searches' vector sizes (16 and 32 bytes): a run that reaches the row's end,
        // or starts in the scalar tail, is where a vectorised search could miss or lengthen it. A checkerboard's ink
        // touches only at corners: 8-connected, it is one component (as OpenCV labels it), 4-connected it would be many.
        const int rows = 7;
        var images = new (string Name, Func<int, int, bool> Ink)[]
        {
            ("blank", (_, _) => false),
            ("all ink", (_, _) => true),
            ("checkerboard", (x, y) => (x + y) % 2 == 0),
            ("last column", (x, _) => x == cols - 1),
            ("one pixel", (x, y) => x == cols / 2 && y == rows / 2),
            ("diagonal steps", (x, y) => x == (2 * y) + 1 || x == (2 * y) + 2),
        };
        foreach ((string name, Func<int, int, bool> ink) in images)
        {
            using var binary = new Mat(rows, cols, MatType.CV_8UC1, Scalar.All(0));
            for (int y = 0; y < rows; y++)
            {
                for (int x = 0; x < cols; x++)
                {
                    if (ink(x, y)) binary.Set(y, x, (byte)255);
                }
            }

            List<(GlyphBox Box, int Ink)> expected = OpenCvComponents(binary);
            List<(GlyphBox Box, int Ink)> actual = RunComponents.Find(binary);

            Assert.True(expected.SequenceEqual(actual), $"{name}, {cols}x{rows}: [{string.Join(' ', actual)}] against OpenCV's [{string.Join(' ', expected)}]");
        }
    }

    [Fact]
    public void Run_components_of_a_single_pixel_image_are_that_pixel_or_none()
    {
        using var ink = new Mat(1, 1, MatType.CV_8UC1, Scalar.All(255));
        using var blank = new Mat(1, 1, MatType.CV_8UC1, Scalar.All(0));

        Assert.Equal([(new GlyphBox(0, 0, 1, 1), 1)], RunComponents.Find(ink));
        Assert.Empty(RunComponents.Find(blank));
    }

    [Fact]
    public void Run_components_of_an_empty_image_are_none()
    {
        using var empty = new Mat(0, 0, MatType.CV_8UC1);

        Assert.Empty(RunComponents.Find(empty));
    }

    [Fact]
    public void Run_components_refuse_an_image_that_is_not_8_bit_with_a_clear_error()
    {
        using var floats = new Mat(4, 4, MatType.CV_32FC1, Scalar.All(0));
        var e = Assert.Throws<ArgumentException>(() => RunComponents.Find(floats));
        Assert.Contains("8-bit", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(11, 0.6)]
    [InlineData(12, 0.9)]
    [InlineData(13, 0.8)]
    public void The_edge_eraser_erases_what_a_pixel_by_pixel_search_erases(int seed, double ink)
    {
        // Dense ink makes long runs in single rows and in pairs of rows only; an odd width leaves the vector loop a tail.
        using Mat binary = RandomInk(seed, 40, 333, ink);
        const int maxRun = 20;
        byte[] expected = Reference(binary, maxRun);

        HorizontalEdgeEraser.Erase(binary, maxRun);

        binary.GetArray(out byte[] actual);
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"seed {seed}: {expected.Zip(actual).Count(p => p.First != p.Second)} pixels differ");
        Assert.Contains(expected, b => b == 0);
        Assert.Contains(expected, b => b != 0); // something erased, something left: not a trivial case
    }

    private static List<(GlyphBox Box, int Ink)> OpenCvComponents(Mat binary)
    {
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        int count = Cv2.ConnectedComponentsWithStats(binary, labels, stats, centroids, PixelConnectivity.Connectivity8);
        stats.GetArray(out int[] s);
        return Enumerable.Range(1, count - 1).Select(i => (new GlyphBox(s[i * 5], s[(i * 5) + 1], s[(i * 5) + 2], s[(i * 5) + 3]), s[(i * 5) + 4])).ToList();
    }

    private static Mat RandomInk(int seed, int rows, int cols, double ink)
    {
        var random = new Random(seed);
        var pixels = new byte[rows * cols];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = random.NextDouble() < ink ? (byte)255 : (byte)0;
        var binary = new Mat(rows, cols, MatType.CV_8UC1);
        binary.SetArray(pixels);
        if (rows > 10 && cols > 10) Cv2.Line(binary, new Point(2, rows - 3), new Point(cols - 3, 2), Scalar.All(255), 1);
        return binary;
    }

    // The eraser as it was: every run found pixel by pixel, in each row and each pair of adjacent rows; erased after.
    private static byte[] Reference(Mat binary, int maxRun)
    {
        binary.GetArray(out byte[] pixels);
        int width = binary.Cols, rows = binary.Rows;
        var erase = new List<(int Row, int Start, int End)>();
        for (int row = 0; row < rows; row++)
        {
            for (int pass = 0; pass < (row + 1 < rows ? 2 : 1); pass++)
            {
                int start = -1;
                for (int x = 0; x <= width; x++)
                {
                    bool isInk = x < width && (pixels[(row * width) + x] != 0 || (pass == 1 && pixels[((row + 1) * width) + x] != 0));
                    if (isInk && start < 0) start = x;
                    else if (!isInk && start >= 0)
                    {
                        if (x - start > maxRun)
                        {
                            erase.Add((row, start, x));
                            if (pass == 1) erase.Add((row + 1, start, x));
                        }

                        start = -1;
                    }
                }
            }
        }

        var result = (byte[])pixels.Clone();
        foreach ((int row, int start, int end) in erase) Array.Clear(result, (row * width) + start, end - start);
        return result;
    }
}
