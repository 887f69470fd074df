using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The two readers reading the same plate but for its class Hangul: the syllable is read from the product of both
/// readers' distributions, and refused as a coin toss where their evidence balances (<see cref="SyllableFusion"/>).
/// </summary>
public class SyllableFusionTests
{
    [Theory]
    [InlineData(1978, "699어7629")] // read 699머7629: glyph CNN 머 0.61 (어 0.12), network 어 0.83 (머 0.04) — the glyph reading was surer overall
    [InlineData(1614, "경북12아9170")] // read 경북12가9170: glyph CNN 가 0.67 (아 0.11), network 마 0.62 (아 0.38): each put 아 second
    [InlineData(561, "10머1969")] // read 10거1969: the glyph reader's box (거 0.46) clips the ㅁ; the network's place reads 머 0.82, the network 어 0.66 (머 0.31)
    public void The_syllable_both_readers_find_likely_is_read(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void A_syllable_the_readers_balance_on_is_not_reported_as_either_readers()
    {
        // 70어3835, blue, 139 px: the glyph CNN's 머 0.68 (어 0.19) against the network's 어 0.77 (머 0.23) — reported
        // 70머3835 at 0.85 before; fused 머 0.52 against 어 0.48, a coin toss.
        BenchScenes.AssertDoesNotRead(825, "70머3835");
    }

    [Fact]
    public void The_product_picks_what_both_find_likely_and_says_how_sure()
    {
        // 경북12아9170's class Hangul: neither reader's first choice, both readers' second.
        var (label, p, runnerUp) = SyllableFusion.Product(Of(("가", 0.672f), ("아", 0.111f), ("바", 0.018f), ("마", 0.01f)), Of(("마", 0.615f), ("아", 0.384f)));
        Assert.Equal("아", label);
        Assert.False(new ReadGlyph(default, label, p, runnerUp).Ambiguous);
        // Evidence that balances is a coin toss.
        (label, p, runnerUp) = SyllableFusion.Product(Of(("머", 0.684f), ("어", 0.187f), ("아", 0.014f)), Of(("어", 0.765f), ("머", 0.229f), ("아", 0.006f)));
        Assert.True(new ReadGlyph(default, label, p, runnerUp).Ambiguous);
        // A reader's zero is floored, not a veto: the other reader's sure syllable wins where the first saw nothing else.
        (label, _, _) = SyllableFusion.Product(Of(("거", 0.9f)), Of(("거", 0f), ("어", 0.0005f)));
        Assert.Equal("거", label);
    }

    [Fact]
    public void Only_readings_that_differ_in_the_class_hangul_alone_are_fused()
    {
        var network = Network("12", "마", "9170", ("마", 0.615f), ("아", 0.384f));
        LineReading Glyphs(string hangul, string trailing) => Reading([.. "12".Select(c => Glyph(c.ToString())), Glyph(hangul, 0.672f), .. trailing.Select(c => Glyph(c.ToString()))]);
        IReadOnlyDictionary<string, float> Cnn(GlyphBox b) => Of(("가", 0.672f), ("아", 0.111f), ("마", 0.01f));

        var fused = SyllableFusion.Fuse(Glyphs("가", "9170"), network, Cnn);
        Assert.NotNull(fused);
        Assert.Equal("12아9170", fused.Value.Glyphs.Text);
        Assert.Equal("12아9170", fused.Value.Network.Text);
        Assert.Equal(fused.Value.Glyphs.WeakestGlyph, fused.Value.Glyphs.Glyphs!.Single(g => g.Label == "아").Probability);
        // Another digit differs too: two readings of different plates, not fused.
        Assert.Null(SyllableFusion.Fuse(Glyphs("가", "9171"), network, Cnn));
        // The same reading: nothing to fuse.
        Assert.Null(SyllableFusion.Fuse(Glyphs("마", "9170"), network, Cnn));
    }

    [Fact]
    public void A_syllable_both_readers_read_alike_each_too_unsure_alone_is_read_from_both()
    {
        // 울산58머1994, green two-line, 81 px (seed 5's scene 237): both readers read the whole plate alike; the glyph CNN's
        // 머 0.33 against 마 0.18 is a coin toss, the network's 머 0.82 is under its floor and the glyph CNN, as unsure,
        // does not confirm it. The product of the two distributions reads 머 surely.
        BenchScenes.AssertReads(237, "울산58머1994", seed: 5).Frame.Dispose();
    }

    [Fact]
    public void Only_readings_of_the_same_text_are_fused_as_agreed_and_balanced_evidence_stays_a_coin_toss()
    {
        LineReading Glyphs(string hangul, float p, string trailing) => Reading([.. "58".Select(c => Glyph(c.ToString())), Glyph(hangul, p), .. trailing.Select(c => Glyph(c.ToString()))]);
        IReadOnlyDictionary<string, float> Cnn(GlyphBox b) => Of(("머", 0.33f), ("마", 0.18f), ("거", 0.05f));

        // The same text, each reader unsure: fused, 머 sure.
        var fused = SyllableFusion.FuseAgreed(Glyphs("머", 0.33f, "1994"), Network("58", "머", "1994", ("머", 0.82f), ("마", 0.01f)), Cnn);
        Assert.NotNull(fused);
        Assert.Equal("58머1994", fused.Value.Glyphs.Text);
        ReadGlyph syllable = fused.Value.Glyphs.Glyphs!.Single(g => g.Label == "머");
        Assert.True(syllable.Probability > 0.9f && !syllable.Ambiguous);
        // Where the network's runner-up is the glyph CNN's too, the fused syllable stays a coin toss (refused by the report's rules).
        fused = SyllableFusion.FuseAgreed(Glyphs("머", 0.33f, "1994"), Network("58", "머", "1994", ("머", 0.55f), ("마", 0.45f)), Cnn);
        Assert.True(fused!.Value.Glyphs.Glyphs!.Single(g => g.Label is "머" or "마").Ambiguous);
        // Another character differs: two readings of different plates, not fused as agreed.
        Assert.Null(SyllableFusion.FuseAgreed(Glyphs("머", 0.33f, "1995"), Network("58", "머", "1994", ("머", 0.82f), ("마", 0.01f)), Cnn));
        // The syllables differ: that is Fuse's case, not this one.
        Assert.Null(SyllableFusion.FuseAgreed(Glyphs("마", 0.33f, "1994"), Network("58", "머", "1994", ("머", 0.82f), ("마", 0.01f)), Cnn));
    }

    [Fact]
    public void The_network_alone_reads_its_class_hangul_with_the_glyph_cnn_on_its_place()
    {
        // 637라8520, 109 px, the glyph reader reading nothing: the network's 라 0.60 (하 0.35) under its floor was refused
        // by the glyph CNN's yes/no confirmation (라 0.18, 배 0.15: no sure 라); the product of the two distributions
        // reads 라 surely.
        BenchScenes.AssertReads(845, "637라8520").Frame.Dispose();
    }

    [Fact]
    public void A_place_the_glyph_cnn_sees_no_syllable_in_does_not_veto_the_network()
    {
        var network = Network("12", "마", "9170", ("마", 0.9f), ("아", 0.1f));
        // The classifier reads the place as something other than a syllable (its Hangul syllables 0.2 together): no fusion.
        Assert.Null(SyllableFusion.FuseAlone(network, _ => Of(("아", 0.15f), ("마", 0.05f))));
        // It sees a syllable there: the product reads it.
        var fused = SyllableFusion.FuseAlone(network, _ => Of(("아", 0.8f), ("마", 0.02f)));
        Assert.NotNull(fused);
        Assert.Equal("12아9170", fused.Text);
    }

    private static Dictionary<string, float> Of(params (string Label, float P)[] p) => p.ToDictionary(x => x.Label, x => x.P);

    private static ReadGlyph Glyph(string label, float p = 0.99f) => new(new GlyphBox(0, RectifiedLine.MainTop, 16, RectifiedLine.CharHeight), label, p, 0);

    private static LineReading Network(string leading, string hangul, string trailing, params (string Label, float P)[] alternatives) =>
        Reading([.. leading.Select(c => Glyph(c.ToString())), Glyph(hangul, alternatives[0].P) with { Alternatives = Of(alternatives) }, .. trailing.Select(c => Glyph(c.ToString()))]);

    private static LineReading Reading(IReadOnlyList<ReadGlyph> glyphs) =>
        new(string.Concat(glyphs.Select(g => g.Label)), "test", 0, 0.9, new GlyphBox(0, 0, 100, 32), glyphs.Min(g => g.Probability), false, glyphs);
}
