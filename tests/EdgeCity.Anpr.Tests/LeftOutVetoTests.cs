using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The line network's reading refused for a box beside it that the glyph classifier calls "not a glyph" — the plate's
/// rim or a frame's edge — is reported (<see cref="Reading.LeftOutVeto"/>), where the glyph reader reported nothing or
/// the same plate one character short; a stacked region found in part, or a glyph reading of the same plate, still win.
/// </summary>
public class LeftOutVetoTests
{
    [Theory]
    [InlineData(1550, "141다5888")] // the rim before the first 1; the glyph reader took that 1 into the Hangul's box (14다5888)
    [InlineData(1784, "07주4389")] // a frame's edge before the 0
    [InlineData(380, "94주4250")] // the 0's right half, a box of its own beside the reading, blurred
    [InlineData(535, "세종77바0638")] // the rim right of the 8, a narrow box running to the band's top and bottom
    public void A_plate_beside_its_rim_or_frame_is_read(int scene, string text) =>
        BenchScenes.AssertReads(scene, text).Frame.Dispose();

    [Theory]
    [InlineData(1550, "14다5888")] // 141다5888: the glyph reading one character short is part of the network's
    [InlineData(767, "43자9041")] // 경북43자9041: the name's upper half (경) beside the digits is no frame's edge
    [InlineData(762, "668아7442")] // 668마7442: the glyph reader read the plate; the network's 아 does not displace it
    [InlineData(800, "85아5497")] // 85마5497: the same
    public void Part_of_a_plate_or_the_networks_guess_is_not_reported(int scene, string wrong)
    {
        var (frame, _) = BenchScenes.Load(scene);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains(wrong), $"bench scene {scene} (seed {BenchScenes.Seed}): read [{string.Join(',', read)}]");
        }
    }
}
