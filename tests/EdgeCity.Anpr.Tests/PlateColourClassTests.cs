using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The plate's background colour and the class Hangul it allows (<see cref="PlateBackgroundColour"/>,
/// <see cref="PlateColourClass"/>): the colour is measured only where it is evidence, and a syllable it rules out is no
/// candidate.
/// </summary>
public class PlateColourClassTests
{
    [Theory]
    [InlineData(38, 196, 247, "Yellow")] // the renderer's yellow (B, G, R)
    [InlineData(238, 244, 244, "White")]
    [InlineData(226, 182, 128, "Blue")]
    [InlineData(66, 104, 36, "Green")]
    [InlineData(19, 98, 124, "Yellow")] // yellow, half lit at night: as saturated, darker
    [InlineData(150, 200, 230, "Unknown")] // a white plate under a warm lamp: neither white nor yellow
    [InlineData(120, 120, 120, "White")]
    [InlineData(40, 40, 40, "Unknown")] // unlit: no colour to measure
    [InlineData(200, 175, 160, "Unknown")] // a white plate in blue shade: too grey for blue, too blue for white
    public void A_background_is_named_only_inside_its_colour(int b, int g, int r, string expected) =>
        Assert.Equal(Enum.Parse<PlateBackground>(expected), PlateBackgroundColour.Classify(b, g, r));

    [Fact]
    public void Light_ink_on_a_light_plate_is_no_plate_text()
    {
        // A yellow "background" with lighter "ink": a warp of the plate's whole body, its ink light (InkPolarity).
        Assert.False(PlateBackgroundColour.InkFits(PlateBackground.Yellow, (45, 0.82, 0.60), (45, 0.79, 0.72)));
        Assert.True(PlateBackgroundColour.InkFits(PlateBackground.Yellow, (45, 0.82, 0.69), (45, 0.82, 0.59)));
        // A green band whose "ink" is dark: a green car's paint, not a green plate's white text.
        Assert.False(PlateBackgroundColour.InkFits(PlateBackground.Green, (146, 0.65, 0.41), (0, 0.1, 0.1)));
        Assert.True(PlateBackgroundColour.InkFits(PlateBackground.Green, (146, 0.65, 0.41), (60, 0.05, 0.9)));
    }

    [Fact]
    public void A_grey_frame_shows_no_colour()
    {
        // Seed 2's scene 428, by day: a colour frame; the same frame grey (as an infrared camera's) is no evidence.
        var (frame, _) = BenchScenes.Load(428, seed: 2);
        using (frame)
        {
            Assert.True(PlateBackgroundColour.FrameShowsColour(frame));
            using var grey = new Mat();
            using var greyBgr = new Mat();
            Cv2.CvtColor(frame, grey, ColorConversionCodes.BGR2GRAY);
            Cv2.CvtColor(grey, greyBgr, ColorConversionCodes.GRAY2BGR);
            Assert.False(PlateBackgroundColour.FrameShowsColour(greyBgr));
            // A frame cast orange throughout (sodium light) neither.
            using var cast = new Mat();
            Cv2.Multiply(greyBgr, new Scalar(0.35, 0.8, 1.0), cast);
            Assert.False(PlateBackgroundColour.FrameShowsColour(cast));
        }
    }

    [Fact]
    public void The_profile_ties_classes_to_colours_in_korea_only()
    {
        RegionProfile kr = RegionProfile.Load("kr");
        Assert.Equal(["바", "배", "사", "아", "자"], kr.ClassesByPlateColour["yellow"].Order(StringComparer.Ordinal));
        Assert.Contains("하", kr.ClassesByPlateColour["white"]);
        Assert.DoesNotContain("아", kr.ClassesByPlateColour["white"]);
        Assert.DoesNotContain("하", kr.ClassesByPlateColour["green"]);
        Assert.DoesNotContain("가", kr.ClassesByPlateColour["yellow"]);
        Assert.Empty(RegionProfile.Load("eu").ClassesByPlateColour);
    }

    [Fact]
    public void A_ruled_out_syllable_is_read_among_the_allowed_ones()
    {
        // 409마8545 read 409아8545 on a white plate (seed 2's scene 428): the network's 아 0.6, 마 0.3.
        var alternatives = new Dictionary<string, float> { ["아"] = 0.6f, ["마"] = 0.3f, ["바"] = 0.05f, ["머"] = 0.05f };
        LineReading reading = Reading("409아8545", 3, alternatives);
        IReadOnlySet<string> white = RegionProfile.Load("kr").ClassesByPlateColour["white"];
        Assert.True(PlateColourClass.RulesOut(reading, white));
        LineReading restricted = PlateColourClass.Restrict(reading, white);
        Assert.Equal("409마8545", restricted.Text);
        Assert.Equal(0.3f / 0.35f, restricted.Glyphs![3].Probability, 3);
        Assert.Equal(0.05f / 0.35f, restricted.Glyphs![3].RunnerUp, 3);
        Assert.False(PlateColourClass.RulesOut(restricted, white));
        // An allowed syllable is left as the network read it, weak or not.
        IReadOnlySet<string> yellow = RegionProfile.Load("kr").ClassesByPlateColour["yellow"];
        Assert.Same(reading, PlateColourClass.Restrict(reading, yellow));
    }

    [Fact]
    public void A_syllable_the_network_saw_surely_is_kept_to_be_refused()
    {
        // The allowed syllables hold under a tenth of the network's probability: nothing to read among them.
        var alternatives = new Dictionary<string, float> { ["아"] = 0.95f, ["마"] = 0.04f, ["어"] = 0.01f };
        LineReading reading = Reading("409아8545", 3, alternatives);
        IReadOnlySet<string> white = RegionProfile.Load("kr").ClassesByPlateColour["white"];
        Assert.Same(reading, PlateColourClass.Restrict(reading, white));
        Assert.True(PlateColourClass.RulesOut(reading, white));
    }

    [Theory]
    [InlineData(428, 2, "409아8545")] // white plate, 마 read 아 surely by the network
    [InlineData(75, 3, "65아4328")] // white plate, 마 read 아
    [InlineData(280, 8, "089자1390")] // white plate, 저 read 자 on four lines, each refused for a weak character: no agreeing looks
    [InlineData(623, 14, "012아1096")] // blue plate (held-out seed 14), 마 read 아, a false plate until the colour of its rows warped inverted was measured
    public void A_commercial_syllable_on_a_white_or_blue_plate_is_no_plate(int scene, int seed, string wrong)
    {
        var (frame, truth) = BenchScenes.Load(scene, seed);
        using (frame)
        {
            Assert.NotEqual(wrong, truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            Assert.DoesNotContain(wrong, recognizer.Read(frame).Select(r => r.Text));
        }
    }

    [Fact]
    public void A_ruled_out_syllable_is_mended_on_a_white_plate() =>
        // 409마8545 (seed 2): the network's 아 on a white plate, read among the private syllables.
        BenchScenes.AssertReads(428, "409마8545", seed: 2).Frame.Dispose();

    [Fact]
    public void Looks_mended_alike_are_no_agreement()
    {
        // 791아0030 (seed 2, yellow): three lines read 791어0080, the colour mended each to 791아0080; held as agreeing
        // looks they were reported, a false plate.
        BenchScenes.AssertDoesNotRead(951, "791아0080", seed: 2);
    }

    // A reading of text, one glyph a character, 20 px wide each; the glyph at slot has the network's alternatives.
    private static LineReading Reading(string text, int slot, Dictionary<string, float> alternatives)
    {
        var glyphs = text.Select((c, i) => new ReadGlyph(new GlyphBox(20 * i, 0, 20, 32), c.ToString(), i == slot ? alternatives[c.ToString()] : 0.96f,
            i == slot ? alternatives.Values.OrderDescending().Skip(1).First() : 0.02f, i == slot ? alternatives : null)).ToList();
        return new LineReading(text, "digits-hangul-digits", 0, 0.9, GlyphBox.Union(glyphs.Select(g => g.Box)), glyphs.Min(g => g.Probability), Glyphs: glyphs);
    }
    [Theory]
    // A white plate (paint 240, ink 30) on a frame; the warp as a dark-text row shows it (dark characters on light) or as a
    // light-text row of its whole body does (inverted: the characters light), as the line network reads such rows.
    [InlineData(false, false, "White")]
    [InlineData(true, true, "White")]
    [InlineData(true, false, "Unknown")] // the inverted warp taken as shown: its "ink" is lighter than its "paint"
    public void A_plate_warped_inverted_is_measured_with_its_darker_side_as_paint(bool warpInverted, bool charactersLight, string expected)
    {
        using var frame = new Mat(RectifiedLine.Rows, 200, MatType.CV_8UC3, new Scalar(240, 240, 240));
        for (int x = 20; x < 180; x += 24) Cv2.Rectangle(frame, new Rect(x, RectifiedLine.MainTop, 10, RectifiedLine.CharHeight), new Scalar(30, 30, 30), -1);
        var grey = new Mat();
        Cv2.CvtColor(frame, grey, ColorConversionCodes.BGR2GRAY);
        if (warpInverted) Cv2.BitwiseNot(grey, grey);
        using var line = new RectifiedLine(grey, Mat.Eye(3, 3, MatType.CV_64FC1).ToMat());
        var extent = new GlyphBox(20, RectifiedLine.MainTop, 160, RectifiedLine.CharHeight);
        Assert.Equal(expected, PlateBackgroundColour.Measure(frame, 1, line, extent, charactersLight).ToString());
    }
}
