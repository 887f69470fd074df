using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A wide first character the segmenter cut down its middle is one character (<see cref="CutFirstCharacter"/>): the
/// line network's reading of a near, sharp plate with a leading 0 is not refused for its left half, and the glyph
/// reader's 006… (each half read as a 0) is not reported.
/// </summary>
public class CutFirstCharacterTests
{
    [Theory]
    [InlineData(388, "06바9610", "kr")] // seed 3: the network read it at 1.000, refused as leaving out the 0's left half
    [InlineData(800, "06모4512", "kr")] // seed 3: 0.994
    [InlineData(675, "06WNR4", "eu")] // seed 3: read nothing before
    public void A_leading_zero_cut_in_two_is_read_once(int index, string plate, string region)
    {
        var (frame, _) = BenchScenes.AssertReads(index, plate, region, seed: 3);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load(region));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains("0" + plate), $"scene {index} (seed 3): read [{string.Join(',', read)}]");
        }
    }

    [Fact]
    public void A_piece_within_half_a_pitch_is_part_of_the_first_character()
    {
        // 06모4512's line (seed 3, scene 800): the 0 cut into boxes at 49–59 and 60–72, the token's centre 60.4, pitch 23.7.
        GlyphBox left = Box(49, 10), right = Box(60, 12), six = Box(73, 21);
        Assert.Equal(Box(49, 23), CutFirstCharacter.Whole([left, right, six], right, 60.4, 23.7));
    }

    [Fact]
    public void A_box_a_pitch_before_the_first_character_stays_before_it()
    {
        // A character left out (or a stacked name) a pitch before the first digit: not joined to it.
        GlyphBox before = Box(26, 20), first = Box(50, 20);
        Assert.Equal(first, CutFirstCharacter.Whole([before, first], first, 60, 24));
    }

    private static GlyphBox Box(int x, int width) => new(x, RectifiedLine.MainTop, width, RectifiedLine.CharHeight);
}
