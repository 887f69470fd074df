using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Motion-blurred plates of the benchmark that the line network read right but that were refused: the segmenter's
/// cuts of a blur-glued run taken for a character the reading left out, a stacked region name at the warp's left edge,
/// and weak characters the glyph classifier could not confirm: in a row of the plate's body, whose characters show light
/// on dark, or on a place that took in its glued neighbours' edges.
/// </summary>
public class BlurredLineNetworkReadingTests
{
    [Theory]
    [InlineData(1084, "충남64아5704")] // the last 0 and 4 glued, cut into pieces 9, 26 and 11 px wide: the 11-px piece was "left out"
    [InlineData(1257, "718너5910")] // a 9-px piece of the last 0 after the reading
    public void Pieces_of_a_glued_run_at_the_reading_s_end_are_not_characters_left_out(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void A_reading_that_begins_with_a_stacked_region_name_is_not_refused_for_the_warp_s_edge_before_it()
    {
        // 대구 stands 5 px from the warp's left edge: a reading starting that near it used to count as a row begun inside the plate.
        BenchScenes.AssertReads(835, "대구50자0942").Frame.Dispose();
    }

    [Theory]
    [InlineData(1551, "72구3817")] // the car's edge at the warp's left side, 15 px before the 7
    [InlineData(1945, "826허8267")]
    public void What_touches_the_warp_s_left_side_is_no_character_left_out(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void A_weak_character_in_a_row_of_the_plate_s_body_is_confirmed_on_the_line_inverted()
    {
        // The stacked 인천 (0.58 by the line network) of a row whose warp shows the characters light on a dark plate body.
        BenchScenes.AssertReads(1868, "인천23바9872").Frame.Dispose();
    }

    [Fact]
    public void A_weak_character_is_confirmed_on_the_segmenter_s_cut_within_its_place()
    {
        // 서, 0.72 by the line network: the glyph CNN reads 더 on the network's place for it, 서 on the segmenter's cut inside.
        BenchScenes.AssertReads(1243, "861서7273").Frame.Dispose();
    }

    [Fact]
    public void A_latin_reading_s_weak_character_is_not_confirmed_on_the_segmenter_s_cuts()
    {
        // More boxes are more chances for a fragment: on scene 1542's grille the cuts confirmed a reading 0TEL.
        var (frame, truth) = BenchScenes.Load(1542);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load(truth.Plate.RegionProfile));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains("0TEL"), $"bench scene 1542 (seed {BenchScenes.Seed}): read [{string.Join(',', read)}], plate {truth.Plate.Text}");
        }
    }

    [Fact]
    public void A_glued_run_reaching_on_beyond_the_reading_s_last_character_holds_one_it_left_out()
    {
        // RS449NH, its 9NH one blurred run: the line network reads RS49, which the run beyond its 9 refuses.
        var (frame, truth) = BenchScenes.Load(1344);
        using (frame)
        {
            Assert.Equal("RS449NH", truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains("RS49"), $"bench scene 1344 (seed {BenchScenes.Seed}): read [{string.Join(',', read)}]");
        }
    }
}
