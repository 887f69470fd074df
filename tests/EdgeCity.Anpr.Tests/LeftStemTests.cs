using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A B read as 8 on EU plates seen off their axis (tuning seeds 5 and 6): the glyph's upright left stem and square corner
/// make it B (<see cref="LeftStem"/>); and guards that 8s and 0s read right stay, on the glyph's shape and on real scenes.
/// </summary>
public class LeftStemTests
{
    [Theory]
    [InlineData(6, 793, "47B8T6")] // 47BBT6 at 26° yaw: its first B read right, its second 8
    [InlineData(5, 252, "TX085S8")] // TX085SB at 4° yaw
    public void A_B_read_as_8_is_read_B(int seed, int index, string misread)
    {
        var read = BenchScenes.ReadTexts(index, seed, out string truth);
        Assert.DoesNotContain(misread, read);
        Assert.Contains(truth, read);
    }

    [Theory]
    [InlineData(2, 9)] // BA083PB: B, 0 and 8 on one plate
    [InlineData(2, 316)] // PC048SD
    [InlineData(2, 752)] // 08DSW5
    [InlineData(3, 506)] // 85FMU1: its 8's bottom corner the squarest of the tuning seeds' 8s read right
    public void Eights_and_zeros_read_right_stay(int seed, int index)
    {
        var read = BenchScenes.ReadTexts(index, seed, out string truth);
        Assert.Contains(truth, read);
    }

    [Fact]
    public void A_stem_is_a_straight_left_side_with_a_square_corner_in_one_glyph_s_box()
    {
        double[] b = [0.06, 0.04, 0.04, 0.05, 0.05, 0.04, 0.03, 0.01, 0.00, 0.05]; // the tuning seeds' median B
        double[] eight = [0.24, 0.08, 0.04, 0.06, 0.15, 0.08, 0.00, 0.00, 0.04, 0.19]; // median 8: rounded ends, a waist
        double[] zero = [0.29, 0.14, 0.06, 0.02, 0.00, 0.00, 0.00, 0.05, 0.10, 0.25]; // median 0: rounded ends
        double[] roundedOnlyAtTop = [0.24, 0.08, 0.04, 0.06, 0.05, 0.04, 0.03, 0.01, 0.00, 0.03]; // 47B8T6's B, sheared
        Assert.True(LeftStem.HasStem(b, 0.56));
        Assert.True(LeftStem.HasStem(roundedOnlyAtTop, 0.53));
        Assert.False(LeftStem.HasStem(eight, 0.5));
        Assert.False(LeftStem.HasStem(zero, 0.53));
        Assert.False(LeftStem.HasStem([0.24, 0.08, 0.04, 0.06, 0.15, 0.08, 0.00, 0.00, 0.04, 0.03], 0.5)); // square corner but a waist
        Assert.False(LeftStem.HasStem(b, 0.28)); // a cut part of a glyph
        Assert.False(LeftStem.HasStem(b, 0.9)); // two glued glyphs
    }
}
