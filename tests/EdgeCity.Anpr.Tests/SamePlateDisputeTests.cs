using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Two lines of a frame read the same plate differently: the better-backed reading is the plate, not the surer one
/// (<see cref="SamePlateDispute"/>, <see cref="ReadingSupport"/>).
/// </summary>
public class SamePlateDisputeTests
{
    [Theory]
    [InlineData(9, 406, "785하4903")] // both readers 785하4903 at 0.997 on one row; the network alone 785허4903 at 0.998 on another
    [InlineData(11, 336, "720마7676")] // both readers 720마7676 at 0.929; the network alone 720아7676 at 0.988
    [InlineData(1, 1523, "경북19바6176")] // the glyph classifier's 경북 0.82 on one row; the network's 전북 0.82 × the window's 0.44 on another
    [InlineData(6, 568, "충북85배5467")] // the network sure of 충북 alone (0.94): the classifier's 강원 0.57 on another row does not displace it
    public void The_better_backed_reading_of_a_plate_is_reported(int seed, int scene, string text) =>
        BenchScenes.AssertReads(scene, text, seed: seed).Frame.Dispose();

    [Theory]
    [InlineData(9, 406, "785허4903")]
    [InlineData(11, 336, "720아7676")]
    [InlineData(1, 1523, "전북19바6176")]
    [InlineData(6, 568, "강원85배5467")]
    public void The_worse_backed_reading_is_not(int seed, int scene, string wrong) =>
        BenchScenes.AssertDoesNotRead(scene, wrong, seed: seed);

    private static PlateReading At(string text, double confidence, ReadingSupport support) => new(text, confidence, 100, 100, 90, 24, "kr") { Support = support };

    private static readonly ReadingSupport Both = new(true, false, false), OneReader = new(false, false, false);

    [Fact]
    public void Both_readers_on_one_line_outweigh_one_reader_surer_on_another()
    {
        Assert.True(SamePlateDispute.Displaces(At("785하4903", 0.997, Both), At("785허4903", 0.998, OneReader)));
        Assert.False(SamePlateDispute.Displaces(At("785허4903", 0.9, OneReader), At("785하4903", 0.997, Both)));
        Assert.False(SamePlateDispute.Displaces(At("785허4903", 0.9, Both), At("785하4903", 0.997, Both)));
    }

    [Fact]
    public void Readings_of_different_lengths_are_left_to_the_tail_rule() =>
        // 13아3984 of 인천13아3984: one reads part of the other; Suppress keeps the longer.
        Assert.False(SamePlateDispute.Displaces(At("13아3984", 0.99, Both), At("인천13아3984", 0.93, OneReader)));

    [Theory]
    [InlineData("경북19바6176", "전북19바6176", true, true, true)] // the classifier's name against a product's
    [InlineData("경북19바6176", "전북19바6176", true, false, false)] // the network sure of its name alone
    [InlineData("경북19바6176", "전북19바6177", true, true, false)] // more than the name differs
    [InlineData("경북19바6176", "전북19바6176", false, true, false)] // the challenger's name not the classifier's
    public void A_name_the_classifier_read_outweighs_one_that_stands_on_the_window_s_product(string challenger, string kept, bool seen, bool onProduct, bool displaces) =>
        Assert.Equal(displaces, SamePlateDispute.Displaces(At(challenger, 0.92, new ReadingSupport(false, seen, false)), At(kept, 0.99, new ReadingSupport(false, false, onProduct))));

    private static LineReading Reading(string text, params ReadGlyph[] glyphs) => new(text, "x", 0, 0.95, new GlyphBox(0, 0, 100, 32), glyphs.Min(g => g.Probability), Glyphs: glyphs);

    private static ReadGlyph Name(string label, float probability, Dictionary<string, float>? own = null) =>
        new(new GlyphBox(5, RectifiedLine.MainTop, 20, RectifiedLine.CharHeight), label, probability, 0, own);

    private static readonly ReadGlyph Digit = new(new GlyphBox(30, RectifiedLine.MainTop, 12, RectifiedLine.CharHeight), "1", 0.99f, 0);

    [Fact]
    public void Support_names_the_readers_of_the_reported_text()
    {
        // The network's 전북 at 0.95 through the window's product; alone it gives 전북 0.82.
        LineReading network = Reading("전북19바6176", Name("전북", 0.95f, new() { ["전북"] = 0.82f, ["경북"] = 0.10f }), Digit);
        Assert.Equal(new ReadingSupport(false, false, true), ReadingSupport.Of(network, null, network));

        // Sure alone (0.94): no product to stand on.
        LineReading sure = Reading("충북85배5467", Name("충북", 0.94f, new() { ["충북"] = 0.94f }), Digit);
        Assert.Equal(new ReadingSupport(false, false, false), ReadingSupport.Of(sure, null, sure));

        // The glyph reader's 경북 at 0.82 (its label "S:경북"), the network reading something else.
        LineReading glyphs = Reading("경북19바6176", Name("S:경북", 0.82f), Digit);
        Assert.Equal(new ReadingSupport(false, true, false), ReadingSupport.Of(glyphs, glyphs, Reading("19바6176", Digit)));

        // Both readers reading the same text.
        LineReading plain = Reading("785하4903", Digit);
        Assert.Equal(new ReadingSupport(true, false, false), ReadingSupport.Of(plain, plain, plain));
    }
}
