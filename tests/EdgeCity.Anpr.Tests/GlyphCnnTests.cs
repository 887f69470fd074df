using EdgeCity.Anpr.Glyphs;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>The convolutional glyph classifier: built in for every region, its input image, and its answers on drawn glyphs.</summary>
public class GlyphCnnTests
{
    private const int H = RectifiedLine.CharHeight;

    [Theory]
    [InlineData("kr", 85)]
    [InlineData("eu", 34)]
    public void Every_region_has_a_built_in_network_whose_outputs_match_its_labels(string region, int labels)
    {
        using CnnGlyphClassifier cnn = CnnGlyphClassifier.LoadEmbedded(region) ?? throw new InvalidOperationException($"no {region}.onnx built in");
        Assert.Equal(labels, cnn.Labels.Count);
        Assert.True(cnn.IndexOf(GlyphClassifier.Junk) >= 0);
        using var grey = new Mat(RectifiedLine.Rows, 200, MatType.CV_8UC1, Scalar.All(230));
        float[][] p = cnn.Classify(grey, [new GlyphBox(10, RectifiedLine.MainTop, 16, H), new GlyphBox(40, RectifiedLine.MainTop, 20, H), new GlyphBox(80, 40, 4, 4)]);
        Assert.Equal(3, p.Length);
        foreach (float[] row in p)
        {
            Assert.Equal(labels, row.Length);
            Assert.InRange(row.Sum(), 0.999f, 1.001f);
        }

        Assert.Empty(cnn.Classify(grey, []));
    }

    [Fact]
    public void A_box_smaller_than_a_character_stays_small_and_a_character_fills_the_height()
    {
        using var grey = new Mat(RectifiedLine.Rows, 120, MatType.CV_8UC1, Scalar.All(220));
        grey.Rectangle(new Rect(10, RectifiedLine.MainTop, 16, H), Scalar.All(20), -1);   // a character-sized dark box
        grey.Rectangle(new Rect(60, RectifiedLine.MainTop + 10, 6, 6), Scalar.All(20), -1); // a bolt
        var character = new byte[GlyphImage.Length];
        var bolt = new byte[GlyphImage.Length];
        GlyphImage.Render(grey, new GlyphBox(10, RectifiedLine.MainTop, 16, H), character);
        GlyphImage.Render(grey, new GlyphBox(60, RectifiedLine.MainTop + 10, 6, 6), bolt);
        static int Dark(byte[] image) => image.Count(v => v < 128);
        static int Rows(byte[] image) => Enumerable.Range(0, GlyphImage.Side).Count(y => Enumerable.Range(0, GlyphImage.Side).Any(x => image[(y * GlyphImage.Side) + x] < 128));
        Assert.InRange(Rows(character), GlyphImage.Side - 3, GlyphImage.Side);
        Assert.InRange(Rows(bolt), 3, 9);
        Assert.True(Dark(bolt) < Dark(character) / 4, $"bolt {Dark(bolt)} dark pixels, character {Dark(character)}");
        Assert.Equal(255, character[0]); // outside the box: white, whatever the line shows there
    }

    [Theory]
    [InlineData("kr", "0123456789")]
    [InlineData("eu", "0123456789ABEHKMPTXZ")]
    public void Drawn_characters_in_a_plain_font_are_read(string region, string characters)
    {
        // Hershey's simplex face is not one the network was trained on: the test shows it reads glyph shapes, not one font.
        using CnnGlyphClassifier cnn = CnnGlyphClassifier.LoadEmbedded(region)!;
        using var grey = new Mat(RectifiedLine.Rows, 30 * characters.Length, MatType.CV_8UC1, Scalar.All(215));
        var boxes = new List<GlyphBox>();
        for (int i = 0; i < characters.Length; i++)
        {
            using var glyph = new Mat(H, 24, MatType.CV_8UC1, Scalar.All(215));
            Cv2.PutText(glyph, characters[i].ToString(), new Point(1, H - 4), HersheyFonts.HersheySimplex, 1.05, Scalar.All(30), 3, LineTypes.AntiAlias);
            using (Mat slot = grey[new Rect(30 * i, RectifiedLine.MainTop, 24, H)]) glyph.CopyTo(slot);
            using Mat binary = glyph.Threshold(128, 255, ThresholdTypes.BinaryInv);
            Rect ink = Cv2.BoundingRect(binary);
            boxes.Add(new GlyphBox((30 * i) + ink.X, RectifiedLine.MainTop + ink.Y, ink.Width, ink.Height));
        }

        float[][] p = cnn.Classify(grey, boxes);
        string read = string.Concat(p.Select(row => cnn.Labels[Array.IndexOf(row, row.Max())]));
        int right = read.Zip(characters).Count(c => c.First == c.Second);
        Assert.True(right >= characters.Length - 2, $"{region}: drew {characters}, read {read}");
    }
}
