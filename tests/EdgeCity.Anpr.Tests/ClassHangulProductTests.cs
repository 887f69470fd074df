using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A Korean reading's class Hangul judged on the product of its three readers (the line network, the window classifier,
/// the glyph CNN on the network's place) where the readers do not dispute it (<see cref="ClassHangulProduct"/>): refused
/// where the product is a coin toss or another syllable, made surer where all read it alike.
/// </summary>
public class ClassHangulProductTests
{
    [Fact]
    public void A_sure_vowel_misread_the_window_reads_otherwise_is_no_plate()
    {
        // Seed 7's 751어5089 (yaw 29°, 2 px of motion blur): the network 아 0.73 / 어 0.19, the window 어 0.70 / 아 0.18 —
        // a coin toss together; main reported 751아5089.
        var (frame, truth) = BenchScenes.Load(903, seed: 7);
        using (frame)
        {
            Assert.Equal("751어5089", truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            Assert.DoesNotContain("751아5089", recognizer.Read(frame).Select(r => r.Text));
        }
    }

    [Theory]
    [InlineData(488, 5, "584아5725")] // network 아 0.72 under the floor, window 아 0.92: product 1.00 (main: right, but rejected)
    [InlineData(330, 2, "서울08아8861")] // 4.3 px of motion blur: network 아 0.92, window 아 0.86
    public void A_syllable_the_window_surely_reads_alike_clears_the_floor(int scene, int seed, string text) =>
        BenchScenes.AssertReads(scene, text, seed: seed).Frame.Dispose();

    [Fact]
    public void A_syllable_the_readers_disputed_is_left_to_their_fusion() =>
        // 86마8607 (seed 4): network 아, glyph reader 마, window 아 0.90 with the glyph CNN's 마 0.01 — counted in a product
        // of three it would read 아; the fusion of the disputing readers reads 마.
        BenchScenes.AssertReads(35, "86마8607", seed: 4).Frame.Dispose();

    [Fact]
    public void A_coin_toss_or_another_syllable_first_is_refused()
    {
        LineReading reading = Reading("751아5089", 0.96f);
        Assert.Null(ClassHangulProduct.Judge(reading, new ClassHangulProduct.Verdict("아", 0.5f, 0.45f, true)));
        Assert.Null(ClassHangulProduct.Judge(reading, new ClassHangulProduct.Verdict("어", 0.8f, 0.1f, true)));
    }

    [Fact]
    public void A_surer_product_raises_the_syllable_and_a_weaker_one_leaves_it()
    {
        LineReading weak = Reading("584아5725", 0.72f);
        LineReading? raised = ClassHangulProduct.Judge(weak, new ClassHangulProduct.Verdict("아", 0.99f, 0.01f, true));
        Assert.Equal(0.99f, raised!.Glyphs![3].Probability, 3);
        Assert.Equal(0.96, raised.WeakestGlyph, 3);
        LineReading sure = Reading("584아5725", 0.98f);
        Assert.Same(sure, ClassHangulProduct.Judge(sure, new ClassHangulProduct.Verdict("아", 0.9f, 0.05f, true)));
        // The window alone unsure of the syllable: the product does not raise it (170아3442 of 170어3442, seed 6: the
        // network's 아 0.48 renormalised over the syllables to 0.80, the window's 아 0.48 / 어 0.29).
        Assert.Same(weak, ClassHangulProduct.Judge(weak, new ClassHangulProduct.Verdict("아", 0.93f, 0.06f, false)));
        Assert.Same(sure, ClassHangulProduct.Judge(sure, null));
    }

    [Fact]
    public void The_product_needs_two_readers_and_floors_each()
    {
        LineReading network = Reading("584아5725", 0.72f, new Dictionary<string, float> { ["아"] = 0.72f, ["마"] = 0.2f, ["가"] = 0.08f });
        var window = new Dictionary<string, float> { ["아"] = 0.92f, ["가"] = 0.08f };
        var unseen = new Dictionary<string, float> { ["아"] = 0.1f }; // the glyph CNN sees little syllable there: not a reader
        Assert.Null(ClassHangulProduct.Of(network, network.Glyphs, _ => null, _ => unseen));
        var (label, p, runnerUp, windowSure) = ClassHangulProduct.Of(network, network.Glyphs, _ => window, _ => unseen)!.Value;
        Assert.Equal("아", label);
        Assert.True(p > 0.95f && runnerUp < 0.02f && windowSure);
    }

    [Fact]
    public void Readers_reading_different_syllables_dispute_it()
    {
        Assert.True(ClassHangulProduct.Disputed(Reading("86마8607", 0.8f), Reading("86아8607", 0.7f)));
        Assert.False(ClassHangulProduct.Disputed(Reading("86아8607", 0.8f), Reading("86아8607", 0.7f)));
        Assert.False(ClassHangulProduct.Disputed(null, Reading("86아8607", 0.7f)));
    }

    // A reading of text, one glyph a character, each 20 px wide side by side; its class Hangul at syllable, the others 0.96.
    private static LineReading Reading(string text, float syllable, IReadOnlyDictionary<string, float>? alternatives = null)
    {
        var glyphs = text.Select((c, i) => LabelSets.IsHangulSyllable(c)
            ? new ReadGlyph(new GlyphBox(20 * i, 0, 20, 32), c.ToString(), syllable, 0.02f, alternatives)
            : new ReadGlyph(new GlyphBox(20 * i, 0, 20, 32), c.ToString(), 0.96f, 0.02f)).ToList();
        return new LineReading(text, "digits-hangul-digits", 0, 0.9, GlyphBox.Union(glyphs.Select(g => g.Box)), glyphs.Min(g => g.Probability), Glyphs: glyphs);
    }
}
