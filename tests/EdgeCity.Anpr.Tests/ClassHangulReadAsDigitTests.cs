using EdgeCity.Anpr.Glyphs;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The line network's reading of a Korean plate with its class Hangul read as a digit (seven or eight digits, no valid
/// format) takes the glyph classifier's syllable in the class place where that classifier reads one there surely
/// (<see cref="ClassHangulReadAsDigit"/>); seven digits of a sign's number, a digit in that place, stay no plate.
/// </summary>
public class ClassHangulReadAsDigitTests
{
    [Fact]
    public void A_plate_whose_class_Hangul_the_network_reads_as_a_digit_is_read() =>
        // 51고9825 (seed 2, motion 2.3 px): the network reads 5129825 on every line, the glyph classifier 고 at ~0.85.
        BenchScenes.AssertReads(731, "51고9825", seed: 2).Frame.Dispose();

    [Fact]
    public void Seven_digits_with_a_digit_in_the_class_place_are_left_as_they_are()
    {
        using RectifiedLine line = Digits("5551234", out List<GlyphBox> places);
        using var classifier = CnnGlyphClassifier.LoadEmbedded("kr")!;
        var sets = new LabelSets(classifier);
        var network = Reading("5551234", places);
        Assert.Null(ClassHangulReadAsDigit.Read(network, line, new GlyphScorer(line, classifier), sets));
    }

    [Theory]
    [InlineData("555123")] // six digits: the Hangul was dropped, not read as a digit
    [InlineData("51고9825")] // a Hangul already read
    public void Only_seven_or_eight_digits_are_asked(string text)
    {
        using RectifiedLine line = Digits("5551234", out List<GlyphBox> places);
        using var classifier = CnnGlyphClassifier.LoadEmbedded("kr")!;
        var sets = new LabelSets(classifier);
        Assert.Null(ClassHangulReadAsDigit.Read(Reading(text, places), line, new GlyphScorer(line, classifier), sets));
    }

    // A network reading of text, one character a place (the first places).
    private static LineReading Reading(string text, List<GlyphBox> places)
    {
        var glyphs = text.Select((c, i) => new ReadGlyph(places[i], c.ToString(), 0.99f, 0)).ToList();
        return new LineReading(text, "crnn", 0, 0.99, GlyphBox.Union(glyphs.Select(g => g.Box)), 0.99, Glyphs: glyphs);
    }

    // Dark digits a character tall at a plate's pitch on a light line, each with its place (halfway to its neighbours).
    private static RectifiedLine Digits(string digits, out List<GlyphBox> places)
    {
        var grey = new Mat(RectifiedLine.Rows, 260, MatType.CV_8UC1, Scalar.All(210));
        places = [];
        for (int i = 0; i < digits.Length; i++)
        {
            int x = 50 + (i * 26);
            Cv2.PutText(grey, digits[i].ToString(), new Point(x, RectifiedLine.MainBottom - 4), HersheyFonts.HersheySimplex, 1.1, Scalar.All(45), 4);
            places.Add(new GlyphBox(x - 2, RectifiedLine.MainTop, 26, RectifiedLine.CharHeight));
        }

        return new RectifiedLine(grey, Mat.Eye(3, 3, MatType.CV_64FC1).ToMat());
    }
}
