using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A Korean reading whose class Hangul the window classifier surely reads as another syllable takes that syllable where
/// the glyph CNN reads it first on the place too, and is refused otherwise (<see cref="ClassWindowDissent"/>); an unsure
/// dissent leaves the reading as it is.
/// </summary>
public class ClassWindowDissentTests
{
    [Theory]
    [InlineData(780, "198무1807")] // 198우1807: network 무 0.93, window 우 0.90, the glyph CNN 두 first
    [InlineData(880, "170아3442")] // 170어3442: network 아 0.90, window 어 0.82, the glyph CNN sees little syllable
    public void A_sure_misread_the_window_dissents_from_is_no_plate(int scene, string wrong)
    {
        var (frame, truth) = BenchScenes.Load(scene, seed: 6);
        using (frame)
        {
            Assert.NotEqual(wrong, truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.DoesNotContain(wrong, read);
        }
    }

    [Fact]
    public void A_right_reading_the_window_doubts_unsurely_is_read() =>
        // 633저1722 (seed 2): the window reads 자 0.71, 저 0.10 — under the dissent's 0.8.
        BenchScenes.AssertReads(775, "633저1722", seed: 2).Frame.Dispose();

    [Fact]
    public void A_syllable_the_readers_disputed_is_left_to_their_fusion() =>
        // 86마8607 (seed 4): network 아, glyph reader 마, fused 마; the window reads 아 0.90 — the network's own syllable.
        BenchScenes.AssertReads(35, "86마8607", seed: 4).Frame.Dispose();

    [Fact]
    public void A_dissent_one_reader_read_itself_leaves_the_reading()
    {
        LineReading reading = Reading("665바9795");
        var window = new Dictionary<string, float> { ["배"] = 0.95f, ["바"] = 0.01f };
        var seen = new Dictionary<string, float> { ["사"] = 0.8f };
        Assert.Same(reading, ClassWindowDissent.Judge(reading, reading.Glyphs, _ => window, _ => seen, Reading("665배9795"), null));
    }

    [Theory]
    [InlineData(0.79f, 0.05f, "배", "665바9795")] // unsure dissent: as read
    [InlineData(0.85f, 0.12f, "배", "665바9795")] // the reading's own syllable still likely in the window: as read
    [InlineData(0.90f, 0.02f, "배", "665배9795")] // sure, the glyph CNN alike: the window's syllable
    [InlineData(0.90f, 0.02f, "사", null)] // sure, the glyph CNN reads another: refused
    public void The_dissent_is_judged_on_both_classifiers(float windowFirst, float windowOwn, string glyphFirst, string? expected)
    {
        LineReading reading = Reading("665바9795");
        var window = new Dictionary<string, float> { ["배"] = windowFirst, ["바"] = windowOwn, ["사"] = 1 - windowFirst - windowOwn };
        var seen = new Dictionary<string, float> { [glyphFirst] = 0.8f, ["바"] = 0.1f };
        LineReading? judged = ClassWindowDissent.Judge(reading, reading.Glyphs, _ => window, _ => seen);
        Assert.Equal(expected, judged?.Text);
    }

    [Fact]
    public void A_reading_without_a_window_is_left_as_read()
    {
        LineReading reading = Reading("665바9795");
        Assert.Same(reading, ClassWindowDissent.Judge(reading, reading.Glyphs, _ => null, _ => new Dictionary<string, float>()));
    }

    // A reading of text, one glyph a character, each 20 px wide side by side.
    private static LineReading Reading(string text)
    {
        var glyphs = text.Select((c, i) => new ReadGlyph(new GlyphBox(20 * i, 0, 20, 32), c.ToString(), 0.96f, 0.02f)).ToList();
        return new LineReading(text, "digits-hangul-digits", 0, 0.96, GlyphBox.Union(glyphs.Select(g => g.Box)), 0.96, Glyphs: glyphs);
    }
}
