using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A light plate's body taken for a row of light text (<see cref="LightPlateBody"/>): the rule on its own, and bench scenes
/// of the unseen seeds whose only row on the plate was its body.
/// </summary>
public class LightPlateBodyTests
{
    // A refined row 120 px wide, its top line y = 100 + 0.07x and its bottom 28 px below (a plate turned ~25°).
    private static TextLine Refined(float width, float height = 28) => new(DarkText: false, 300, 300 + width, 100, 0.07f, 100 + height, 0.07f, 5);

    [Theory]
    [InlineData(120, true)] // 4.3:1, a single-line plate's body turned away
    [InlineData(80, false)] // 2.9:1, no single-line plate
    [InlineData(170, false)] // 6.1:1, longer than a plate
    public void A_light_row_of_a_single_line_plates_aspect_is_a_body_with_dark_text(float width, bool body)
    {
        TextLine refined = Refined(width);
        PlateBody? found = LightPlateBody.Of(refined, refined);
        Assert.Equal(body, found is not null);
        if (found is null) return;
        Assert.True(found.DarkText);
        Assert.False(found.TwoLine);
        Assert.Equal(0.07f, found.TopSlope);
        Assert.Equal(128f, found.Bottom(0));
    }

    [Fact]
    public void A_dark_row_is_no_light_body() => Assert.Null(LightPlateBody.Of(Refined(120) with { DarkText = true }, Refined(120)));

    [Theory]
    [InlineData(493, 4, "85저9472")] // white, 123 px, yaw -23°, on a grey car: the text glued to the halo around the plate
    [InlineData(3, 3, "98로1473")] // light blue, 100 px, yaw -27°, a pole across it: the dark rim glued to the text
    public void A_plate_whose_only_row_was_its_light_body_is_read(int index, int seed, string plate) =>
        BenchScenes.AssertReads(index, plate, seed: seed).Frame.Dispose();

    [Fact]
    public void A_misread_on_a_light_bodys_line_is_not_agreed_with_the_rows_looks()
    {
        // 195보8680, white, 96 px, yaw -20°, blurred 1.5 px: its light body's line read 195호8807, refused for a weak
        // character, and that look made a third agreeing with the rows' own (AgreeingLooks), reported at 0.94.
        var (frame, truth) = BenchScenes.Load(752, seed: 3);
        using (frame)
        {
            Assert.Equal("195보8680", truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            Assert.DoesNotContain("195호8807", recognizer.Read(frame).Select(r => r.Text));
        }
    }

    [Fact]
    public void The_best_shaped_light_body_is_the_one_read()
    {
        PlateBody? best = LightPlateBody.Best([LightPlateBody.Of(Refined(95), Refined(95))!, LightPlateBody.Of(Refined(125), Refined(125))!, LightPlateBody.Of(Refined(150), Refined(150))!]);
        Assert.Equal(425f, best!.Right); // 125:28, 4.5:1, against 3.4:1 and 5.4:1
        Assert.Null(LightPlateBody.Best([]));
    }

    // 728무5934 as read on a light body's line, each glyph 14 px wide (the class Hangul the fourth).
    private static LineReading Reading(bool places = true)
    {
        var glyphs = "728무5934".Select((c, k) => new ReadGlyph(new GlyphBox(k * 14, 0, places ? 14 : 0, 30), c.ToString(), 0.99f, 0)).ToList();
        return new LineReading("728무5934", "test", 0, 0.99, new GlyphBox(0, 0, 112, 30), 0.99, false, glyphs);
    }

    [Fact]
    public void A_light_bodys_reading_stands_only_where_the_glyph_classifier_confirms_its_class_Hangul()
    {
        // Seed 5's 80, 728우5934 blurred 1.7 px, was reported 728무5934 at 0.991 from its light body's line: a look-alike
        // syllable the reader was sure of; the glyph classifier, shown that place, must read the same syllable.
        var asked = new List<(GlyphBox Box, string Label)>();
        Assert.False(LightPlateBody.ClassHangulConfirmed(Reading(), (box, label) => { asked.Add((box, label)); return false; }));
        Assert.Equal([(new GlyphBox(42, 0, 14, 30), "무")], asked);
        Assert.True(LightPlateBody.ClassHangulConfirmed(Reading(), (_, label) => label == "무"));
        // A reading without the syllable's place, or without a syllable, is not confirmed.
        Assert.False(LightPlateBody.ClassHangulConfirmed(Reading(places: false), (_, _) => true));
        Assert.False(LightPlateBody.ClassHangulConfirmed(new LineReading("7285934", "test", 0, 0.99, default, 0.99), (_, _) => true));
    }

    [Fact]
    public void The_classifier_agrees_with_its_first_syllable_however_weak_but_not_with_a_coin_toss()
    {
        // Seed 7's 766: the blurred body's 아 read first at 0.28, 마 0.05 — under the confirming floor, yet no look-alike near.
        Assert.True(LightPlateBody.Agrees(new ReadGlyph(default, "아", 0.28f, 0.05f), "아"));
        // Seed 6's 780: 198무1807 for 198우1807, the classifier's 무 0.21 against 두 0.19 — a coin toss.
        Assert.False(LightPlateBody.Agrees(new ReadGlyph(default, "무", 0.21f, 0.19f), "무"));
        // Seed 6's 880: 170아3442 for 170어3442, the classifier's first syllable another (더).
        Assert.False(LightPlateBody.Agrees(new ReadGlyph(default, "더", 0.03f, 0.01f), "아"));
    }

    [Fact]
    public void A_blurred_light_bodys_sure_reading_the_classifier_reads_first_is_reported() =>
        BenchScenes.AssertReads(766, "197아5258", seed: 7).Frame.Dispose(); // 아 first at 0.28 on the body's line, blurred 1.8 px

    [Theory]
    [InlineData(780, "198무1807")] // 198우1807: 무 and 두 a coin toss to the classifier
    [InlineData(880, "170아3442")] // 170어3442: the classifier reads 더 first
    public void A_light_bodys_look_alike_misread_stays_refused(int scene, string wrong) =>
        BenchScenes.AssertDoesNotRead(scene, wrong, seed: 6);
}
