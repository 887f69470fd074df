using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Plates of the benchmark's scenes that segmentation used to lose, read now: a plate border beside the last digit,
/// characters touching the bumper, a two-line plate's upper line under the rim or with its class digits glued.
/// </summary>
public class SegmentationRepairTests
{
    [Theory]
    [InlineData(26, "401거8590")] // the plate's border and a bolt beside the last 0: one box a character tall, 1 px of ink a row
    [InlineData(49, "92바0497")] // a dashed border: its pieces merged into one box a character tall
    public void A_plate_border_beside_the_last_digit_is_no_character(int scene, string text)
    {
        // The failure analysis aligns the boxes with the text (it used to anchor the last digit on the border).
        BenchScenes.AssertReadsThroughEveryStage(scene, text, KoreanLayouts.DigitsHangulDigits);
    }

    [Theory]
    [InlineData(415, "42호1197")] // 2 and 호 blurred into the dark car body under the plate
    [InlineData(506, "인천26사4933")] // the upper line's characters touch the plate's dark top rim
    [InlineData(46, "경남98러3101")] // the upper line's class digits 98 glued into one box (green plate)
    [InlineData(718, "전남76바2578")] // the same, 76, on a yellow plate
    [InlineData(422, "울산03버9018")] // a piece of the rim left of 울산, a gap away, was taken into the region name
    public void Characters_touching_an_edge_or_each_other_are_cut_apart(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void Only_horizontal_runs_longer_than_the_limit_are_erased()
    {
        // A blank row between the cases: adjacent rows are also taken in pairs (a slanted rim; TwoLineRectificationTests).
        using var binary = new Mat(5, 100, MatType.CV_8UC1, Scalar.All(0));
        binary[new Rect(0, 0, 80, 1)].SetTo(Scalar.All(255)); // a rim: 80 px
        binary[new Rect(10, 2, 64, 1)].SetTo(Scalar.All(255)); // a run exactly at the limit
        binary[new Rect(5, 4, 20, 1)].SetTo(Scalar.All(255)); // a stroke
        binary[new Rect(30, 4, 70, 1)].SetTo(Scalar.All(255)); // a run to the image's right edge
        HorizontalEdgeEraser.Erase(binary, 64);
        Assert.Equal(0, Cv2.CountNonZero(binary.Row(0)));
        Assert.Equal(64, Cv2.CountNonZero(binary.Row(2)));
        Assert.Equal(20, Cv2.CountNonZero(binary.Row(4)));
        Assert.Equal(20, Cv2.CountNonZero(binary[new Rect(5, 4, 20, 1)]));
    }
}
