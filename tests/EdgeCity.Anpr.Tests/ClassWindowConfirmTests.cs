using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A blurred class syllable the glyph CNN sees nothing of is confirmed by the class window where it reads the network's
/// syllable surely among the syllables the plate's colour allows, on the line as the network read it
/// (<see cref="ClassWindowConfirm"/>).
/// </summary>
public class ClassWindowConfirmTests
{
    private static readonly string[] Yellow = ["바", "사", "아", "자", "배"];
    private static readonly string[] Any = ["바", "사", "아", "자", "배", "마", "어", "하", "가"];

    [Theory]
    [InlineData(5, 488, "584아5725")] // network 아 0.72, glyph CNN ≤ 0.02, window 아 0.92
    [InlineData(8, 763, "전남65아9710")] // network 아 0.77, window 아 0.92
    [InlineData(1, 856, "294자4819")] // network 자 0.70, window 자 0.84 of ~0.98 (가 0.05, 아 0.04): over 0.8, under 0.9
    [InlineData(12, 241, "334다7319")] // network 다 0.52, window 다 0.81 (마 0.08)
    public void A_blurred_syllable_the_window_reads_surely_is_read(int seed, int scene, string text) =>
        BenchScenes.AssertReads(scene, text, seed: seed).Frame.Dispose();

    [Fact]
    public void A_dropped_digit_the_inverted_window_would_confirm_is_no_plate() =>
        // 805구8107 read 85구8107, 구 0.82: the window 0.66 on the network's image, 0.96 only on the inverted line.
        BenchScenes.AssertDoesNotRead(92, "85구8107", seed: 9);

    [Fact]
    public void A_window_leaning_two_to_one_confirms_nothing() =>
        // 838마9741 read 838아9741, 아 0.81: the window 아 0.65 / 마 0.28, under 0.8 of its mass (a false plate at 0.6).
        BenchScenes.AssertDoesNotRead(51, "838아9741", seed: 4);

    [Fact]
    public void A_reading_short_of_a_digit_is_no_plate() =>
        // 511거0212 read 51거0212 (the repeated 1s merged), 거 0.71 and the window sure of it: the digits 5 and 1 step
        // 18 px where the rest step ~11, so the window's word does not make the short reading a plate.
        BenchScenes.AssertDoesNotRead(103, "51거0212", seed: 5);

    [Theory]
    [InlineData("51거0212", new[] { 71f, 89f, 104.5f, 117.5f, 129f, 139.5f, 150f }, false)] // of 511거0212: 5→1 is 18 px, the rest ~11
    [InlineData("584아5725", new[] { 71f, 84.5f, 97.5f, 111f, 127.5f, 143f, 155.5f, 168f }, true)] // 12.5–15.5 px
    [InlineData("198우1807", new[] { 108f, 129f, 151f, 175.5f, 199f, 221f, 242f, 263f }, true)] // ~21.5 px
    public void Digits_must_step_evenly(string text, float[] centres, bool even)
    {
        var glyphs = centres.Select((c, i) => new ReadGlyph(new GlyphBox((int)(c - 6), RectifiedLine.MainTop, 12, RectifiedLine.CharHeight), text[i].ToString(), 0.99f, 0)).ToList();
        Assert.Equal(even, ClassWindowConfirm.DigitsStepEvenly(glyphs));
    }

    [Fact]
    public void Places_of_no_width_do_not_count_as_steps()
    {
        // A two-line plate's upper strip: the network's places there have no width.
        var glyphs = new List<ReadGlyph> { new(default, "0", 0.99f, 0), new(default, "9", 0.99f, 0) };
        glyphs.AddRange("사6024".Select((c, i) => new ReadGlyph(new GlyphBox(60 + (18 * i), RectifiedLine.MainTop, 18, RectifiedLine.CharHeight), c.ToString(), 0.99f, 0)));
        Assert.True(ClassWindowConfirm.DigitsStepEvenly(glyphs));
    }

    [Theory]
    [InlineData(0.92f, 0.72, true)] // sure window, network's syllable: confirmed
    [InlineData(0.85f, 0.72, true)] // 0.85 of the window among all syllables: over 0.8
    [InlineData(0.70f, 0.72, false)] // under 0.8 of the window among all syllables
    [InlineData(0.92f, 0.45, false)] // the network unsure of its own syllable
    public void The_window_must_be_sure_among_all_syllables_where_the_colour_says_nothing(float own, double network, bool confirmed)
    {
        var window = new Dictionary<string, float> { ["아"] = own, ["마"] = 1 - own };
        Assert.Equal(confirmed, ClassWindowConfirm.Confirms(window, "아", network, Any));
    }

    [Theory]
    [InlineData(0.70f, 0.25f, true)] // 마 is no yellow plate's: 아 holds ~0.93 of the allowed mass
    [InlineData(0.45f, 0.50f, false)] // under half the window's whole mass: the colour does not make a lean
    [InlineData(0.70f, 0.05f, false)] // 사 is allowed and holds 0.25: 아 only ~0.74 of the allowed mass
    public void The_colour_rules_out_the_window_s_other_syllables(float own, float ruledOut, bool confirmed)
    {
        var window = new Dictionary<string, float> { ["아"] = own, ["마"] = ruledOut, ["사"] = (1 - own - ruledOut) };
        Assert.Equal(confirmed, ClassWindowConfirm.Confirms(window, "아", 0.7, Yellow));
    }

    [Fact]
    public void A_syllable_the_colour_rules_out_is_not_confirmed()
    {
        var window = new Dictionary<string, float> { ["마"] = 0.97f, ["아"] = 0.03f };
        Assert.False(ClassWindowConfirm.Confirms(window, "마", 0.8, Yellow));
    }

    [Fact]
    public void No_window_confirms_nothing() => Assert.False(ClassWindowConfirm.Confirms(null, "아", 0.9, Yellow));
}
