using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A class Hangul read on a dash is no plate's (<see cref="DashForSyllable"/>): a phone number painted on a van,
/// 010-9876-5432, reads as 876부5432 where the network takes the dash for a syllable; a syllable fills the character
/// height, a dash crosses its middle.
/// </summary>
public class DashForSyllableTests
{
    [Fact]
    public void A_syllable_read_on_a_dash_between_digits_is_a_dash() =>
        Assert.True(Of(Mark.Dash));

    [Theory]
    [InlineData(Mark.Syllable)] // ㅂ over ㅜ: the boxes under the centre span the character height
    [InlineData(Mark.BrokenSyllable)] // a middle bar under the centre, the syllable's other strokes beside it in the top and bottom rows
    [InlineData(Mark.None)] // nothing under the syllable's centre: the network's place between characters says nothing
    public void A_syllable_is_not_a_dash(Mark mark) =>
        Assert.False(Of(mark));

    [Fact]
    public void A_reading_without_a_syllable_is_not_asked()
    {
        using RectifiedLine line = Line(Mark.Dash, out List<GlyphBox> places);
        Assert.False(DashForSyllable.Of(line, Reading("8765432", places.Where((_, i) => i != 3).ToList())));
    }

    [Fact]
    public void A_phone_number_on_a_van_is_no_plate()
    {
        // Seed 6's 967, a frame without a plate: a sign reading 010-9876-5432, read 876부5432 on three lines, each refused
        // for a weak character alone, whose agreeing looks were reported.
        using var generator = new SceneGenerator(6);
        SyntheticScene scene = generator.Scene(967);
        Assert.Empty(scene.Plates);
        using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
        using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
        Assert.DoesNotContain(recognizer.Read(frame), r => r.Text.EndsWith("5432", StringComparison.Ordinal));
    }

    public enum Mark { Dash, Syllable, BrokenSyllable, None }

    private static bool Of(Mark mark)
    {
        using RectifiedLine line = Line(mark, out List<GlyphBox> places);
        return DashForSyllable.Of(line, Reading("876부5432", places));
    }

    // A network reading of text, one character a place.
    private static LineReading Reading(string text, List<GlyphBox> places)
    {
        var glyphs = text.Select((c, i) => new ReadGlyph(places[i], c.ToString(), 0.99f, 0)).ToList();
        return new LineReading(text, "crnn", 0, 0.99, GlyphBox.Union(glyphs.Select(g => g.Box)), 0.99, Glyphs: glyphs);
    }

    // Dark digits 876 and 5432 a character tall on a light line at a plate's pitch, the mark in the fourth place between
    // them; each place halfway to its neighbours.
    private static RectifiedLine Line(Mark mark, out List<GlyphBox> places)
    {
        const int pitch = 28, top = RectifiedLine.MainTop, bottom = RectifiedLine.MainBottom;
        var grey = new Mat(RectifiedLine.Rows, 300, MatType.CV_8UC1, Scalar.All(210));
        places = [];
        string text = "876?5432";
        for (int i = 0; i < text.Length; i++)
        {
            int x = 40 + (i * pitch);
            places.Add(new GlyphBox(x - 2, top, pitch, RectifiedLine.CharHeight));
            if (text[i] != '?')
            {
                Cv2.PutText(grey, text[i].ToString(), new Point(x, bottom - 4), HersheyFonts.HersheySimplex, 1.1, Scalar.All(45), 4);
                continue;
            }

            int c = x - 2 + (pitch / 2);
            var ink = Scalar.All(45);
            switch (mark)
            {
                case Mark.Dash:
                    Cv2.Rectangle(grey, new Rect(c - 8, top + 13, 16, 5), ink, -1);
                    break;
                case Mark.Syllable:
                    // ㅂ: two stems joined by two bars; ㅜ: a bar and a stem below it.
                    Cv2.Rectangle(grey, new Rect(c - 7, top + 1, 3, 12), ink, -1);
                    Cv2.Rectangle(grey, new Rect(c + 4, top + 1, 3, 12), ink, -1);
                    Cv2.Rectangle(grey, new Rect(c - 7, top + 6, 14, 3), ink, -1);
                    Cv2.Rectangle(grey, new Rect(c - 7, top + 11, 14, 3), ink, -1);
                    Cv2.Rectangle(grey, new Rect(c - 10, top + 18, 20, 3), ink, -1);
                    Cv2.Rectangle(grey, new Rect(c - 1, top + 18, 3, 13), ink, -1);
                    break;
                case Mark.BrokenSyllable:
                    Cv2.Rectangle(grey, new Rect(c - 3, top + 13, 6, 5), ink, -1);
                    Cv2.Rectangle(grey, new Rect(c - 8, top + 1, 3, 6), ink, -1);
                    Cv2.Rectangle(grey, new Rect(c + 5, bottom - 7, 3, 6), ink, -1);
                    break;
            }
        }

        return new RectifiedLine(grey, Mat.Eye(3, 3, MatType.CV_64FC1).ToMat());
    }
}
