using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A Korean reading is not reported when the other reader of the line reads the same plate with another region name,
/// or with a name the reading lacks (<see cref="RegionDispute"/>); nor a glyph reading cut by the warp's left edge.
/// </summary>
public class RegionDisputeTests
{
    [Theory]
    [InlineData(115, "14바6438")] // 충남14바6438: the name too faint for a box; the network reads 충남 before the digits
    [InlineData(1057, "20사4374")] // 충남20사4374: the same; the network reads a name (경남, 0.35) before the digits
    [InlineData(1507, "대전08서0079")] // 대구08서0079: the network's sure 대전 against the glyph CNN's sure 대구
    [InlineData(1640, "경남00아3519")] // 전남00아3519: the network's 경남 against the glyph CNN's 전남
    [InlineData(937, "00사8213")] // 충북00사8213: the row began inside the plate; its first 0 cut by the warp's edge
    public void A_plate_whose_region_the_readers_dispute_is_not_reported_wrong(int scene, string wrong)
    {
        var (frame, _) = BenchScenes.Load(scene);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains(wrong), $"bench scene {scene} (seed {BenchScenes.Seed}): read [{string.Join(',', read)}]");
        }
    }

    [Fact]
    public void Where_the_classifier_surely_reads_another_name_its_reading_is_reported()
    {
        // 대구08서0079, green two-line, 164 px: the network's 대전 (0.95, the surer reading) against the classifier's 대구 (0.91).
        BenchScenes.AssertReads(1507, "대구08서0079").Frame.Dispose();
    }

    [Fact]
    public void A_name_the_other_reader_sees_is_not_left_out()
    {
        LineReading tail = Reading("62사9403");
        Assert.Null(RegionDispute.Resolve(tail, tail, tail, Reading("경북62사9403", ("경북", 0.4f))));
        // Seen only faintly, or before another plate: reported.
        Assert.Same(tail, RegionDispute.Resolve(tail, tail, tail, Reading("경북62사9403", ("경북", 0.2f))));
        Assert.Same(tail, RegionDispute.Resolve(tail, tail, tail, Reading("경북62사9408", ("경북", 0.9f))));
    }

    [Fact]
    public void A_nameless_glyph_reading_gives_way_to_the_networks_reported_reading_with_the_name()
    {
        LineReading tail = Reading("14바6438");
        LineReading whole = Reading("충남14바6438", ("충남", 0.83f));
        Assert.Same(whole, RegionDispute.Resolve(tail, tail, tail, whole, whole));
        // The network's reading refused by its own rules: nothing.
        Assert.Null(RegionDispute.Resolve(tail, tail, tail, whole, null));
        // 충남14바6438, yellow stacked, 109 px: the glyph reader's 14바6438 (0.97) was the surer, and refused for the name.
        BenchScenes.AssertReads(115, "충남14바6438").Frame.Dispose();
    }

    [Fact]
    public void The_glyph_classifiers_name_overrules_the_networks_and_not_the_reverse()
    {
        LineReading network = Reading("대전08서0079", ("대전", 0.95f));
        LineReading glyphs = Reading("대구08서0079", ("R:대구", 0.91f));
        // The glyph reading passed its floors and differs only in the name: it is reported.
        Assert.Same(glyphs, RegionDispute.Resolve(network, glyphs, glyphs, network));
        // It did not pass them (or reads another digit too): nothing is.
        Assert.Null(RegionDispute.Resolve(network, null, glyphs, network));
        Assert.Null(RegionDispute.Resolve(network, null, Reading("대구09서0079", ("R:대구", 0.91f)), network));
        // A name the classifier is unsure of does not overrule the network's.
        Assert.Same(network, RegionDispute.Resolve(network, null, Reading("대구08서0079", ("R:대구", 0.4f)), network));
        // The glyph reader's name stands whatever name the network reads.
        Assert.Same(glyphs, RegionDispute.Resolve(glyphs, glyphs, glyphs, network));
    }

    private static LineReading Reading(string text, params (string Label, float P)[] region)
    {
        var box = new GlyphBox(10, RectifiedLine.MainTop, 16, RectifiedLine.CharHeight);
        var glyphs = region.Select(r => new ReadGlyph(box, r.Label, r.P, 0)).ToList();
        return new LineReading(text, "test", 0, 0.9, box, 0.5, false, glyphs);
    }
}
