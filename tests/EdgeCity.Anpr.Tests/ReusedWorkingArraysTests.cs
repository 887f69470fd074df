using EdgeCity.Anpr.Glyphs;
using EdgeCity.Anpr.LineRecognition;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The labelling (<see cref="RunComponents"/>) and the networks' inputs (<see cref="OnnxNetwork.InputBuffer"/>) reuse this
/// thread's working arrays instead of allocating them each call (a frame allocated ~2.8 MB, half of it those arrays, and the
/// garbage collector ran every few frames): the answers are those of fresh arrays whatever was labelled or run before, and
/// a call allocates only what it returns.
/// </summary>
public class ReusedWorkingArraysTests
{
    [Fact]
    public void Labelling_after_larger_and_smaller_images_gives_the_same_components_and_pixels()
    {
        using Mat band = RunComponentsTests.RandomInk(11, 72, 260, 0.45);
        using Mat frame = RunComponentsTests.RandomInk(12, 360, 640, 0.5);
        using Mat small = RunComponentsTests.RandomInk(13, 37, 60, 0.3);
        List<(GlyphBox Box, int Ink)> expected = RunComponentsTests.OpenCvComponents(band);
        List<bool[]> expectedMasks = Masks(band, out _);

        foreach (Mat before in new[] { frame, small, frame })
        {
            // Arrays grown by a larger image (or holding a smaller one's runs) are read only where this call wrote them.
            RunComponents.Find(before);
            RunComponents.Find(before, out _);
            Assert.Equal(expected, RunComponents.Find(band));
            Assert.Equal(expectedMasks, Masks(band, out List<(GlyphBox Box, int Ink)> withPixels));
            Assert.Equal(expected, withPixels);
        }
    }

    [Fact]
    public void A_bands_labelling_allocates_only_its_components()
    {
        using Mat band = RunComponentsTests.RandomInk(14, 72, 300, 0.45);
        RunComponents.Find(band);
        long before = GC.GetAllocatedBytesForCurrentThread();
        List<(GlyphBox Box, int Ink)> components = RunComponents.Find(band);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The result list (20 bytes a component, its capacity exact) and its headers; fresh working arrays took 24 bytes a
        // run (at least one a component) and the components' working list ~64 bytes a component more.
        Assert.True(allocated <= 200 + (24 * components.Count), $"{allocated} bytes allocated for {components.Count} components");
    }

    [Fact]
    public void The_line_network_reads_a_strip_the_same_after_wider_and_narrower_ones()
    {
        using CrnnLineModel model = CrnnLineModel.LoadEmbedded()!;
        using Mat strip = Strip(21, 180);
        float[] first = model.Run(strip, out int columns);
        foreach (int width in new[] { 400, 60, 180 })
        {
            using Mat other = Strip(22 + width, width);
            model.Run(other, out _);
            Assert.Equal(first, model.Run(strip, out int again));
            Assert.Equal(columns, again);
        }
    }

    [Fact]
    public void The_glyph_network_scores_a_box_the_same_after_larger_batches()
    {
        using CnnGlyphClassifier classifier = CnnGlyphClassifier.LoadEmbedded("kr")!;
        using Mat line = Strip(31, 300, RectifiedLine.Rows);
        var box = new GlyphBox(40, RectifiedLine.MainTop, 20, RectifiedLine.CharHeight);
        float[] alone = classifier.Classify(line, [box])[0];
        GlyphBox[] many = Enumerable.Range(0, 12).Select(i => new GlyphBox(10 + (20 * i), RectifiedLine.MainTop, 18, RectifiedLine.CharHeight)).ToArray();
        classifier.Classify(line, many);
        Assert.Equal(alone, classifier.Classify(line, [box])[0]);
    }

    private static List<bool[]> Masks(Mat binary, out List<(GlyphBox Box, int Ink)> components)
    {
        components = RunComponents.Find(binary, out ComponentPixels pixels);
        return components.Select((c, i) => pixels.Mask(i, new Rect(c.Box.X, c.Box.Y, c.Box.Width, c.Box.Height))).ToList();
    }

    // A grey strip of random strokes on a light ground.
    private static Mat Strip(int seed, int width, int rows = CrnnLineImage.Height)
    {
        var random = new Random(seed);
        var strip = new Mat(rows, width, MatType.CV_8UC1, Scalar.All(200));
        for (int k = 0; k < width / 12; k++)
        {
            int x = random.Next(width), y = random.Next(rows);
            Cv2.Line(strip, new Point(x, y), new Point(x + random.Next(-8, 9), y + random.Next(-20, 21)), Scalar.All(random.Next(20, 90)), random.Next(1, 4));
        }

        return strip;
    }
}
