using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A second-look window merged from a far plate's body and other text beside it (<see cref="SecondLook.Ranked"/>): the
/// rows on the plate's shape are taken before the others' longer rows. Far two-line plates of the tuning seeds lost at
/// "detect: no row on plate" on main 007bc94.
/// </summary>
public class MergedWindowRowsTests
{
    [Theory]
    [InlineData(2, 364, "경남57자1484")] // yellow two-line, 59 px, turned 24°: its main line a row of 4 pieces; the window's others had 6-7
    [InlineData(3, 503, "대구91무7962")] // green two-line, 64 px: its glued text's window merged with a car's; the others' rows had 6-9 pieces
    public void A_far_plate_in_a_merged_window_is_read_from_its_own_rows(int seed, int scene, string text)
    {
        var (frame, truth) = BenchScenes.AssertReads(scene, text, seed: seed);
        using (frame)
        {
            using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
            var windows = new List<SecondLook.Window>();
            LineSource.Find(grey, null, lightText: true, windows);
            var centre = new Point((truth.Box.Left + truth.Box.Right) / 2, (truth.Box.Top + truth.Box.Bottom) / 2);
            SecondLook.Window window = Assert.Single(windows, w => w.Box.Contains(centre));
            // The window is merged: more than the plate's own shape, and larger than a far plate with its margin.
            Assert.True(window.Box.Width > 2 * truth.Box.Width && window.Box.Height > 2 * truth.Box.Height, $"seed {seed} scene {scene}: window {window.Box}");
        }
    }

    [Fact]
    public void Rows_on_the_plate_shape_come_first_and_a_window_without_one_keeps_the_count_order()
    {
        var shape = new SecondLook.PlateShape(new Rect(100, 100, 60, 40), MaxRowHeight: 30);
        var onShape = Row(left: 105, right: 150, top: 112, height: 15, count: 4); // a far plate's main line, found in part
        var offShape = Row(left: 200, right: 300, top: 50, height: 20, count: 8); // a sign's text beside it
        var tooTall = Row(left: 100, right: 160, top: 103, height: 35, count: 4); // the plate's body edges, or the car's
        TextLine[] rows = [offShape, tooTall, onShape];
        Assert.Equal([onShape, offShape, tooTall], SecondLook.Ranked(rows, [shape]));
        Assert.Equal([offShape, tooTall, onShape], SecondLook.Ranked(rows, []));
    }

    private static TextLine Row(float left, float right, float top, float height, int count) =>
        new(DarkText: true, left, right, top, 0, top + height, 0, count);
}
