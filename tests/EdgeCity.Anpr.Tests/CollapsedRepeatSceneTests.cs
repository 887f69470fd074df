using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The doubled-character rule (<see cref="Reading.CollapsedRepeat"/>) on bench scenes: a plate with two equal
/// adjacent letters is read with both, and one letter the segmenter cut into two halves is not read twice.
/// </summary>
public class CollapsedRepeatSceneTests
{
    [Fact]
    public void Two_equal_adjacent_letters_are_read_both() =>
        BenchScenes.AssertReads(1908, "51WWB2", "eu").Frame.Dispose(); // a retrained network read 51WB2 at 0.997

    [Fact]
    public void A_letter_cut_in_two_is_not_a_doubled_letter()
    {
        // The glyph reader read 71UCHH0 (the H cut down its middle, two boxes half a pitch apart), the network 71UCH0.
        var (frame, _) = BenchScenes.AssertReads(1254, "71UCH0", "eu");
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains("71UCHH0"), $"bench scene 1254 (seed {BenchScenes.Seed}): read [{string.Join(',', read)}]");
        }
    }
}
