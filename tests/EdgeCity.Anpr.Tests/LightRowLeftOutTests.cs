using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A light plate on a dark car taken whole as a row of light text: its warp shows the body dark around light characters,
/// and the body's margin before the first character is no character the line network's reading left out
/// (<c>CrnnLineReader.Read</c>, a light row's left-out boxes looked for in both polarities). Scenes of the seeds no rule
/// was tuned on.
/// </summary>
public class LightRowLeftOutTests
{
    [Theory]
    [InlineData(2, 49, "13구6813")] // white, sharp, turned 25°: its only reading a row of the whole body (network 0.99, weakest 0.91)
    [InlineData(4, 225, "377자5867")] // yellow, motion σ 2.3 px, turned 23°
    public void A_plate_read_on_a_row_of_its_whole_body_is_reported(int seed, int scene, string text) =>
        BenchScenes.AssertReads(scene, text, seed: seed).Frame.Dispose();

    [Fact]
    public void A_weak_reading_of_a_whole_body_row_still_leaves_out_its_margin()
    {
        // 32허4829 (seed 2's 417): the body's row reads 32배4829, its 배 at 0.42, which the glyph classifier "confirms" on
        // the inverted line — only a reading sure in every character is let off the margin's box.
        var (frame, truth) = BenchScenes.Load(417, seed: 2);
        using (frame)
        {
            Assert.Equal("32허4829", truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains("32배4829"), $"seed 2 scene 417: read [{string.Join(',', read)}]");
        }
    }
}
