using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Rows on a green plate of the other polarity than its text are refitted through the text their warp shows
/// (<see cref="MainLineSearch"/>), and fitted lines converging faster than a plate's perspective allows are turned to
/// their baseline (<see cref="LineConvergence"/>). Bench scenes, seed <see cref="BenchScenes.Seed"/>.
/// </summary>
public class RowRefitTests
{
    [Theory]
    // Green two-line plates whose only rows at half resolution were dark: the gaps between the light characters.
    [InlineData(1100, "부산51노5781")]
    [InlineData(1240, "강원67머6357")]
    public void A_green_plate_found_only_as_a_row_of_the_other_polarity_is_read(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Theory]
    // Two-line plates turned 16–26° whose main line's tops were pulled off by the upper line's characters right above.
    [InlineData(1534, "서울69사0064")]
    [InlineData(334, "전북93사4846")]
    [InlineData(1648, "대전99바6185")]
    public void A_main_line_whose_lines_converged_impossibly_fast_is_read(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void A_two_line_plate_found_only_by_its_upper_line_is_read()
    {
        // 충남89조6528, green, turned 24°: the only light row on it was the upper line (region name and class digits).
        BenchScenes.AssertReads(639, "충남89조6528").Frame.Dispose();
    }

    [Fact]
    public void The_main_line_below_an_upper_line_is_in_the_same_pencil_of_lines()
    {
        // An upper line 10 px tall, level, at y 100–110: the main line starts 2.5 px below it and is 17 px tall, half again as wide.
        var upper = new EdgeCity.Anpr.Detection.TextLine(true, 100, 150, 100, 0.1f, 110, 0.12f, 4);
        var main = TwoLinePlate.MainLineBelow(upper);
        Assert.Equal(110 + 2.5f, main.Top(0), 3);
        Assert.Equal(110 + 2.5f + 17, main.Bottom(0), 3);
        Assert.Equal(0.12f + (0.25f * 0.02f), main.TopSlope, 4);
        Assert.Equal(85f, main.Left, 3);
        Assert.Equal(165f, main.Right, 3);
    }

    [Fact]
    public void Lines_converging_as_a_plate_can_are_kept()
    {
        // A 20-px row of a 1280-px frame may change its slope difference by 1.4·20/1280 ≈ 0.022.
        Assert.Equal((0.10f, 0.12f), LineConvergence.Limit(0.10f, 0.12f, 20, 1280));
        Assert.Equal((0.12f, 0.10f), LineConvergence.Limit(0.12f, 0.10f, 20, 1280));
    }

    [Fact]
    public void Lines_converging_faster_have_their_top_turned_to_the_baseline()
    {
        (float top, float bottom) = LineConvergence.Limit(-0.003f, 0.120f, 23, 1280);
        Assert.Equal(0.120f, bottom);
        Assert.Equal(0.120f - (1.4f * 23 / 1280), top, 4);
        (top, bottom) = LineConvergence.Limit(0.10f, -0.05f, 23, 1280);
        Assert.Equal(-0.05f, bottom);
        Assert.Equal(-0.05f + (1.4f * 23 / 1280), top, 4);
    }
}
