using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A two-line plate whose upper line is read surely in a row of its own: the main line is looked for where the upper line
/// puts it (<see cref="TwoLinePlateRows.MainLineBelow"/>), and a whole reading refused only for its upper strip gives its
/// main line as a half to pair (<see cref="TwoLinePlateRows.LowerPart"/>); an upper-line digit glued to the plate's top
/// rim is set free (<c>KoreanLineReader</c>); a row as tall as both lines of a far plate is read from its lower part
/// (<see cref="TwoLinePlate.MainLineOfBoth"/>). Bench scenes, each lost on main 6bfdd89.
/// </summary>
public class TwoLineUpperRowTests
{
    [Theory]
    [InlineData(598, "전남05사3328")] // a pole glued to the last 8: the main line's own rows end before it
    [InlineData(1158, "제주45사1808")] // the same, a tow bar at the last 8
    public void The_main_line_is_read_where_the_upper_line_puts_it(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void A_whole_reading_refused_for_its_upper_strip_pairs_its_main_line_with_the_upper_line_read_in_its_own_row()
    {
        // 경남68자8856: the main line's warp reads its upper strip 전남 at 0.44; the upper line's own row reads 경남68 surely.
        BenchScenes.AssertReads(1899, "경남68자8856").Frame.Dispose();
    }

    [Fact]
    public void The_upper_line_is_read_in_a_row_of_its_own_over_a_main_line_that_read_alone()
    {
        // 광주61누3054: the main line's row reads 누3054 surely, its warp's upper strip nothing.
        BenchScenes.AssertReads(1107, "광주61누3054").Frame.Dispose();
    }

    [Theory]
    [InlineData(9, "대구95나7453")] // green, 68 px: the only rows are the gaps between characters and the glued columns
    [InlineData(948, "경기80거3693")] // green, 73 px, turned 29°
    public void A_far_plate_whose_two_lines_make_one_row_is_read_from_its_lower_part(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void The_upper_line_placed_from_the_main_line_holds_the_upper_line_the_main_line_was_placed_from()
    {
        // An upper line 10 px tall at y 100 (level), x 200-260; the main line below it, then the upper line above that.
        var upper = new Detection.TextLine(true, 200, 260, 100, 0, 110, 0, 4);
        Detection.TextLine main = TwoLinePlate.MainLineBelow(upper);
        Detection.TextLine again = TwoLinePlate.UpperLineAbove(main);
        Assert.InRange(again.Top(230), 97.5f, 98.5f); // 0.2 of the upper line's height of margin above
        Assert.InRange(again.Bottom(230), 111.5f, 112.5f); // and below
        // Both lines as one row: its lower part is the main line.
        var both = upper with { BottomIntercept = main.BottomIntercept };
        Detection.TextLine lower = TwoLinePlate.MainLineOfBoth(both);
        Assert.InRange(lower.Top(230), main.Top(230) - 0.1f, main.Top(230) + 0.1f);
        Assert.Equal(main.Bottom(230), lower.Bottom(230));
        Assert.True(TwoLinePlate.MayBeBothLines(both with { Left = 200, Right = 260 }));
        Assert.False(TwoLinePlate.MayBeBothLines(main with { Left = 150, Right = 310 })); // a single line of text is longer
    }

    [Fact]
    public void A_class_digit_glued_to_the_top_rim_is_read()
    {
        // 경남41서2309: the 1 of 41 is one component with the plate's top-right corner, 28 px tall against the line's 16.
        BenchScenes.AssertReads(616, "경남41서2309").Frame.Dispose();
    }

    [Fact]
    public void The_row_of_a_reading_maps_the_warps_band_back_to_the_frame()
    {
        // A warp of a row 10 px tall at y 100-110 (slope 0.1 at the top, 0.05 at the bottom), x 200-300.
        var line = new Detection.TextLine(true, 200, 300, 80, 0.1f, 100, 0.05f, 4);
        using var grey = new OpenCvSharp.Mat(400, 600, OpenCvSharp.MatType.CV_8UC1, OpenCvSharp.Scalar.All(200));
        using RectifiedLine rectified = LineRectifier.Rectify(grey, line)!;
        // The band's full width, mapped back: the same lines.
        Detection.TextLine row = TwoLinePlateRows.RowOf(rectified, new GlyphBox(0, RectifiedLine.MainTop, rectified.Width, RectifiedLine.CharHeight), true);
        foreach (float x in new[] { 200f, 250f, 300f })
        {
            Assert.InRange(row.Top(x), line.Top(x) - 0.5f, line.Top(x) + 0.5f);
            Assert.InRange(row.Bottom(x), line.Bottom(x) - 0.5f, line.Bottom(x) + 0.5f);
        }
    }
}
