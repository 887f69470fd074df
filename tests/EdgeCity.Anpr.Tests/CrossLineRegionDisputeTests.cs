using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A reading whose region name only the line network read is not reported where the glyph reader, on another line of the
/// same plate, reads the same plate with another name it would report (<see cref="CrossLineRegionDispute"/>): the rule on
/// its own, a bench scene of a tuning seed it reads right, and a scene where a coin-toss glyph name must not dispute.
/// </summary>
public class CrossLineRegionDisputeTests
{
    private static readonly Rect Place = new(400, 390, 100, 30);

    [Fact]
    public void The_networks_name_gives_way_to_the_glyph_readers_on_another_line()
    {
        var names = new CrossLineRegionDispute();
        names.GlyphReading(Place, Reading("울산30바9132", 0.87f));
        PlateReading network = Report("충남30바9132", Place);
        names.NetworkReading(network, Reading("충남30바9132", 0.93f), unfloored: null);
        Assert.True(names.Disputed(network));
    }

    [Fact]
    public void A_name_the_glyph_reader_also_read_on_its_line_is_not_the_networks_alone()
    {
        var names = new CrossLineRegionDispute();
        names.GlyphReading(Place, Reading("울산30바9132", 0.87f));
        PlateReading network = Report("충남30바9132", Place);
        names.NetworkReading(network, Reading("충남30바9132", 0.93f), Reading("충남30바9132", 0.4f));
        Assert.False(names.Disputed(network));
    }

    [Theory]
    [InlineData("울산30바9132", 0.45f, 400)] // the glyph name under the floor at which it overrules the network's
    [InlineData("울산30바9133", 0.87f, 400)] // another plate (its digits differ)
    [InlineData("울산30바9132", 0.87f, 700)] // another place
    [InlineData("충남30바9132", 0.87f, 400)] // the same name
    public void Other_readings_dispute_nothing(string glyphText, float glyphName, int glyphX)
    {
        var names = new CrossLineRegionDispute();
        names.GlyphReading(Place with { X = glyphX }, Reading(glyphText, glyphName));
        PlateReading network = Report("충남30바9132", Place);
        names.NetworkReading(network, Reading("충남30바9132", 0.93f), unfloored: null);
        Assert.False(names.Disputed(network));
    }

    [Fact]
    public void A_stacked_plate_read_with_its_name_by_the_glyph_reader_is_reported_so()
    {
        // Seed 4, 울산30바9132, yellow, 97 px: the glyph reader reads it whole on one row (울산 0.87), the network reads
        // 충남30바9132 on another (충남 0.93) where the glyph reader reads nothing; the surer 충남 was reported.
        var (frame, truth) = BenchScenes.Load(928, seed: 4);
        using (frame)
        {
            Assert.Equal("울산30바9132", truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.Contains("울산30바9132", read);
            Assert.DoesNotContain("충남30바9132", read);
        }
    }

    [Fact]
    public void A_glyph_name_that_is_a_coin_toss_disputes_nothing()
    {
        // Seed 2, 제주98바2213, 125 px: the glyph reader's 세종 (0.51, its runner-up 0.32: a refused, ambiguous reading) on the
        // row where the network reads 제주 (0.86).
        BenchScenes.AssertReads(778, "제주98바2213", seed: 2).Frame.Dispose();
    }

    private static PlateReading Report(string text, Rect place) => new(text, 0.99, place.X, place.Y, place.Width, place.Height, "kr-regional-stacked");

    private static LineReading Reading(string text, float name)
    {
        var glyphs = new List<ReadGlyph> { new(new GlyphBox(0, 0, 20, 32), text[..2], name, 0) };
        glyphs.AddRange(text[2..].Select((c, i) => new ReadGlyph(new GlyphBox(20 + (20 * i), 0, 20, 32), c.ToString(), 0.99f, 0)));
        return new LineReading(text, KoreanLayouts.StackedRegion, 0, 0.9, new GlyphBox(0, 0, 20 * glyphs.Count, 32), name, false, glyphs);
    }
}
