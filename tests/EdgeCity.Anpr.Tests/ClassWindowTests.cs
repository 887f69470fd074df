using EdgeCity.Anpr.LineRecognition;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The class-syllable window classifier (<see cref="ClassWindowModel"/>): its window is the one train_class.py trained
/// it on, and its distribution is the network's second opinion on a class Hangul where the glyph CNN sees no syllable.
/// </summary>
public class ClassWindowTests
{
    [Theory]
    [InlineData(2, 808, "901아6225")] // 101 px, motion 1.6 px: network 아 0.88 (마 0.10), the glyph CNN no syllable on its place (0.03), the window 아 0.95
    [InlineData(3, 759, "323가0339")] // 118 px, 18° of yaw, motion 1.5 px: network 가 0.88 (자 0.06), the glyph CNN no syllable (0.01), the window 가 0.95
    public void A_blurred_class_hangul_the_window_classifier_is_sure_of_is_read(int seed, int scene, string text)
    {
        BenchScenes.AssertReads(scene, text, seed: seed).Frame.Dispose();
    }

    [Fact]
    public void A_stacked_plate_whose_class_hangul_the_window_reads_with_the_network_is_read() =>
        // 세종20아5625 (seed 7, 135 px, motion 2.4 px): read on main; the windows retrained with HardConditions
        // (wip/anclass4, wip/anclass5), at main's cut-offs or their own, left its 아 at 0.85 and lost it. A retrained
        // class.onnx must keep it.
        BenchScenes.AssertReads(640, "세종20아5625", seed: 7).Frame.Dispose();

    [Fact]
    public void The_window_samples_the_line_as_the_trainer_does()
    {
        // A 32 x 20 ramp (12 x + y); Models/window_training.py's window(img, 7.3, 10.0, 24) gives these values (x 255).
        using var image = new Mat(32, 20, MatType.CV_8UC1);
        for (int y = 0; y < 32; y++)
        {
            for (int x = 0; x < 20; x++) image.Set(y, x, (byte)((12 * x) + y));
        }

        float[] w = ClassWindowModel.Window(image, 7.3, 10.0);
        Assert.Equal(32 * ClassWindowModel.Columns, w.Length);
        Assert.Equal(0f, w[0] * 255, 3);
        Assert.Equal(2.85f, w[1] * 255, 3);
        Assert.Equal(32.85f, w[5] * 255, 3);
        Assert.Equal(172.85f, w[(5 * ClassWindowModel.Columns) + 23] * 255, 3);
        Assert.Equal(116.35f, w[(31 * ClassWindowModel.Columns) + 12] * 255, 3);
    }

    [Fact]
    public void The_window_classifier_is_built_in_for_the_class_syllables()
    {
        using ClassWindowModel? model = ClassWindowModel.LoadEmbedded();
        Assert.NotNull(model);
        Assert.Contains("마", model.Labels);
        Assert.All(model.Labels, l => Assert.True(l.Length == 1 && LabelSets.IsHangulSyllable(l[0])));
    }

    [Fact]
    public void Where_the_glyph_cnn_sees_no_syllable_the_window_classifier_reads_with_the_network()
    {
        var network = Network(("아", 0.9f), ("마", 0.1f));
        IReadOnlyDictionary<string, float> NoSyllable(GlyphBox b) => Of(("아", 0.02f), ("마", 0.01f));
        // Without the window classifier the place's junk does not veto the network: nothing is fused.
        Assert.Null(SyllableFusion.FuseAlone(network, NoSyllable));
        // With it, its sure 마 outweighs the network's 아.
        LineReading? fused = SyllableFusion.FuseAlone(network, NoSyllable, _ => Of(("마", 0.95f), ("아", 0.05f)));
        Assert.NotNull(fused);
        Assert.Equal("12마9170", fused.Text);
        // Where the readers disagree, its distribution joins the network's: the glyph CNN's 가 (마 second) against the
        // network's 아 read 아 (0.09 against 마 0.03); the window's sure 마 turns it.
        LineReading glyphs = Reading([.. "12".Select(c => Glyph(c.ToString())), Glyph("가", 0.6f), .. "9170".Select(c => Glyph(c.ToString()))]);
        IReadOnlyDictionary<string, float> Cnn(GlyphBox b) => Of(("가", 0.6f), ("마", 0.3f), ("아", 0.1f));
        Assert.Equal("12아9170", SyllableFusion.Fuse(glyphs, network, Cnn)!.Value.Network.Text);
        Assert.Equal("12마9170", SyllableFusion.Fuse(glyphs, network, Cnn, _ => Of(("마", 0.95f), ("아", 0.05f)))!.Value.Network.Text);
    }

    private static Dictionary<string, float> Of(params (string Label, float P)[] p) => p.ToDictionary(x => x.Label, x => x.P);

    private static ReadGlyph Glyph(string label, float p = 0.99f) => new(new GlyphBox(0, RectifiedLine.MainTop, 16, RectifiedLine.CharHeight), label, p, 0);

    private static LineReading Network(params (string Label, float P)[] alternatives) =>
        Reading([.. "12".Select(c => Glyph(c.ToString())), Glyph(alternatives[0].Label, alternatives[0].P) with { Alternatives = Of(alternatives) }, .. "9170".Select(c => Glyph(c.ToString()))]);

    private static LineReading Reading(IReadOnlyList<ReadGlyph> glyphs) =>
        new(string.Concat(glyphs.Select(g => g.Label)), "test", 0, 0.9, new GlyphBox(0, 0, 100, 32), glyphs.Min(g => g.Probability), false, glyphs);
}
