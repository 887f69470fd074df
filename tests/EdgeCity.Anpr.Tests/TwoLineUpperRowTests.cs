using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A two-line plate whose upper line is read surely in a row of its own: the main line is looked for where the upper line
/// puts it (<see cref="TwoLinePlateRows.MainLineBelow"/>), and a whole reading refused only for its upper strip gives its
/// main line as a half to pair (<see cref="TwoLinePlateRows.LowerPart"/>); an upper-line digit glued to the plate's top
/// rim is set free (<c>KoreanLineReader</c>). Sharp bench scenes, each lost on main 6bfdd89.
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
