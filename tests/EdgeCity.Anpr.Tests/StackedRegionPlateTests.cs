using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Stacked-region plates (서울32자6493) ~100–130 px wide on real rendered bench scenes (seed 1): a name too small for the
/// glyph classifier to see, read by the line network alone (UnseenStackedName), and a reading without the name in front of
/// it refused (NamelessTail).
/// </summary>
public class StackedRegionPlateTests
{
    [Theory]
    [InlineData(706, "대구76배0676")] // motion-blurred, 131 px: the network's 대구 at 0.83, every name under 0.05 to the classifier
    [InlineData(326, "경북81바7374")] // sharp, 99 px: 경북 at 0.52
    [InlineData(1860, "전남25배8278")] // motion-blurred, 100 px
    public void A_small_stacked_name_the_classifier_cannot_see_is_the_networks(int scene, string text) =>
        BenchScenes.AssertReads(scene, text).Frame.Dispose();

    [Fact]
    public void A_larger_plate_whose_name_the_classifier_reads_keeps_that_name()
    {
        // 205 px: the network's unseen-name reading 인천06아6986 must not displace the glyph reader's 강원.
        BenchScenes.AssertReads(316, "강원06아6986").Frame.Dispose();
    }

    [Fact]
    public void A_reading_without_the_stacked_name_before_it_is_not_reported()
    {
        // 경기18자8655, motion-blurred, 102 px: its deblurred whole-body row read 18자8655 (a valid 12가3456 plate) with
        // the name's light ink before the 1.
        var (frame, truth) = BenchScenes.Load(232);
        using (frame)
        {
            Assert.Equal("경기18자8655", truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains("18자8655"), $"bench scene 232 (seed {BenchScenes.Seed}): read [{string.Join(',', read)}]");
        }
    }
}
