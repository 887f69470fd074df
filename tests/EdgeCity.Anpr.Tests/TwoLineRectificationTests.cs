using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A two-line plate's warp is fitted through its upper line's characters too (<see cref="UpperLineSlopes"/>): the upper
/// strip comes out level and the row's end is not cut off.
/// </summary>
public class TwoLineRectificationTests
{
    [Fact]
    public void A_two_line_plate_the_warp_left_crooked_passes_every_stage()
    {
        // 경기98아8160: the main line's lines diverged (the 아's short ㅇ), and the last 0, glued to a pole, was cut off.
        BenchScenes.AssertReadsThroughEveryStage(111, "경기98아8160", KoreanLayouts.TwoLineRegion);
    }

    [Fact]
    public void A_far_two_line_plate_is_read()
    {
        // 전북33아2197, 62 px wide: the main line's slopes alone left the upper line 23 px crooked (13 px now).
        BenchScenes.AssertReads(421, "전북33아2197").Frame.Dispose();
    }

    [Fact]
    public void The_pencil_of_four_lines_recovers_the_vanishing_point_the_main_line_alone_misses()
    {
        // A plate's horizontal lines through one vanishing point far to the right (x 2,000, y 80): the upper line's top and
        // bottom at y 0 and 12, the main line's top and bottom at 16 and 36 (at x 0), sampled where the characters stand.
        static float SlopeAt(float y0) => (80 - y0) / 2000f;
        static Point2f[] Line(float y0, float[] xs, float[] errors) => xs.Select((x, i) => new Point2f(x, y0 + (SlopeAt(y0) * x) + errors[i])).ToArray();
        float[] main = [10, 30, 50, 70, 90], upper = [15, 30, 60, 80];
        // The main line's tops up to 0.8 px off, tilted the same way (blur, a JPEG block): alone they give a slope 0.02 off.
        Point2f[] mainTops = Line(16, main, [0.8f, 0.4f, 0, -0.4f, -0.8f]), mainBottoms = Line(36, main, [0, 0, 0, 0, 0]);
        Point2f[] upperTops = Line(0, upper, [0, 0, 0, 0]), upperBottoms = Line(12, upper, [0, 0, 0, 0]);
        float alone = LineFit.Fit(mainTops).Slope;
        (float top, float bottom) = UpperLineSlopes.Pencil(mainTops, mainBottoms, upperTops, upperBottoms);
        Assert.True(Math.Abs(alone - SlopeAt(16)) > 0.015, $"alone {alone:F4}");
        Assert.True(Math.Abs(top - SlopeAt(16)) < 0.4 * Math.Abs(alone - SlopeAt(16)), $"top slope {top:F4}, true {SlopeAt(16):F4}, main line alone {alone:F4}");
        Assert.True(Math.Abs(bottom - SlopeAt(36)) < 0.005, $"bottom slope {bottom:F4}, true {SlopeAt(36):F4}");
    }

    [Theory]
    [InlineData(93, "대전51사8398")] // the stacked name in two pieces: its right piece was "left out" of the name read whole
    [InlineData(492, "경기12자0253")]
    public void A_stacked_region_read_whole_leaves_out_none_of_its_pieces(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void A_class_digit_glued_to_a_rim_a_pixel_off_level_is_freed()
    {
        // 전남29아5709: the 2 of 29 touched the plate's top rim, which steps a row down across the plate.
        BenchScenes.AssertReads(269, "전남29아5709").Frame.Dispose();
    }

    [Fact]
    public void A_slanted_rim_is_erased_in_pairs_of_rows()
    {
        // A rim 1 px thick stepping down a row every 50 px (no row's run is longer than 50), and a digit's stroke
        // touching it from below.
        using var binary = new Mat(12, 200, MatType.CV_8UC1, Scalar.All(0));
        for (int step = 0; step < 4; step++) binary[new Rect(step * 50, 2 + step, 50, 1)].SetTo(Scalar.All(255));
        binary[new Rect(60, 4, 4, 8)].SetTo(Scalar.All(255)); // the stroke, from the rim's row 3 down
        HorizontalEdgeEraser.Erase(binary, 64);
        // The rim is gone; the stroke keeps all but the row beside the rim's next step.
        Assert.Equal(0, Cv2.CountNonZero(binary[new Rect(0, 0, 60, 6)]) + Cv2.CountNonZero(binary[new Rect(64, 0, 136, 6)]));
        Assert.Equal(4 * 6, Cv2.CountNonZero(binary[new Rect(0, 6, 200, 6)]));
    }
}
