using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>Of two overlapping readings, one the other's tail, the longer is the plate however sure the tail is.</summary>
public class OverlappingReadingTests
{
    [Theory]
    [InlineData(892, "경남42사9135", "42사9135")] // the tail read at 0.997 from a row that began after the stacked region
    [InlineData(441, "대전87바9575", "87바9575")]
    public void A_reading_that_is_another_ones_tail_gives_way(int scene, string text, string tail)
    {
        var (frame, _) = BenchScenes.AssertReads(scene, text);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.True(!read.Contains(tail), $"bench scene {scene} (seed {BenchScenes.Seed}): read [{string.Join(',', read)}]");
        }
    }
}
