using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The second, full-resolution look (<see cref="SecondLook"/>): far plates whose characters never made a row at half
/// resolution are read in a window opened around a plate-shaped component, a few characters that almost made one, a
/// run of characters glued into one or two blobs, or a two-line plate's text glued across its lines.
/// </summary>
public class SecondLookTests
{
    [Theory]
    [InlineData(44, "전남31사6534")] // a yellow two-line plate 75 px wide: at half resolution a few blobs, no row
    [InlineData(47, "인천57머6638")] // a green two-line plate 73 px wide on a dark car
    [InlineData(498, "01아3894")] // a yellow plate 99 px wide: its body one light component, its text glued to the rim
    // A far plate's rim and characters one wide, sparse component at half resolution (its strokes as thin as the rim
    // there, so the thin-line split cannot take them apart): looked at again as a plate's body is.
    [InlineData(803, "충남78로4342")] // green two-line, 106 px: its white rim and text one light component 53×28 at half resolution
    [InlineData(936, "인천80소4444")] // green two-line, 100 px, on a dark car: the same, 50×27
    // A far green two-line plate whose light text is pieces glued across its two lines at half resolution (GluedTwoLineText).
    [InlineData(1711, "대구79무7291")] // 71 px, on a violet car: four pieces 31×18 at half resolution
    [InlineData(1802, "서울95루4855")] // 75 px, turned 29°: four pieces 29×20
    [InlineData(1926, "제주63노0871")] // 75 px, on a magenta car: six pieces 41×21
    public void A_far_plate_is_read_in_a_window_the_first_search_opened(int scene, string text)
    {
        var (frame, truth) = BenchScenes.AssertReads(scene, text);
        using (frame)
        {
            using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
            var windows = new List<SecondLook.Window>();
            List<TextLine> rows = LineSource.Find(grey, null, lightText: true, windows);
            var centre = new Point((truth.Box.Left + truth.Box.Right) / 2, (truth.Box.Top + truth.Box.Bottom) / 2);
            Assert.True(windows.Exists(w => w.Box.Contains(centre)), $"bench scene {scene} (seed {BenchScenes.Seed}): no window on the plate at {centre}");
            // The rows of the first search alone do not hold the plate: it is the second look that reads it.
            Assert.False(
                rows.Exists(r => r.Left <= centre.X && r.Right >= centre.X && Math.Abs(((r.Top(centre.X) + r.Bottom(centre.X)) / 2) - centre.Y) < truth.Box.Height / 4f && r.MeanHeight < 0.9f * truth.Box.Height),
                $"bench scene {scene} (seed {BenchScenes.Seed}): the first search already has a row on the plate");
        }
    }

    [Theory]
    [InlineData(229, "충남68루9936")] // green two-line, 131 px: at half resolution its main line is one or two glued light blobs, a row that reads nothing
    [InlineData(591, "광주39무3044")] // green two-line, 98 px: the same
    public void A_glued_run_is_read_at_full_resolution(int scene, string text)
    {
        var (frame, truth) = BenchScenes.AssertReads(scene, text);
        using (frame)
        {
            using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
            var windows = new List<SecondLook.Window>();
            LineSource.Find(grey, null, lightText: true, windows);
            var centre = new Point((truth.Box.Left + truth.Box.Right) / 2, (truth.Box.Top + truth.Box.Bottom) / 2);
            Assert.True(windows.Exists(w => w.Box.Contains(centre)), $"bench scene {scene} (seed {BenchScenes.Seed}): no window on the plate at {centre}");
        }
    }

    [Fact]
    public void A_blank_plate_shaped_patch_opens_no_window_and_one_with_text_does()
    {
        using var blank = Street();
        Cv2.Rectangle(blank, new Rect(600, 400, 100, 22), Scalar.All(235), -1);
        Assert.Empty(Windows(blank));

        using var written = Street();
        Cv2.Rectangle(written, new Rect(600, 400, 100, 22), Scalar.All(235), -1);
        // Characters ~13 px tall with 1-px strokes: at half resolution 6 px with half-pixel strokes, too faint to be blobs.
        Cv2.PutText(written, "12 3456", new Point(606, 417), HersheyFonts.HersheyPlain, 1.0, Scalar.All(40), 1, LineTypes.AntiAlias);
        List<SecondLook.Window> windows = Windows(written);
        Assert.Contains(windows, w => w.Box.Contains(new Point(650, 411)));
        Assert.True(windows.Count <= SecondLook.MaxWindows, $"{windows.Count} windows");
    }

    // A mid-grey street with a little noise (seeded), 1280×720: the size at which the search runs at half resolution.
    private static Mat Street()
    {
        var random = new Random(7);
        var pixels = new byte[720 * 1280];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(86 + random.Next(9));
        var frame = new Mat(720, 1280, MatType.CV_8UC1);
        frame.SetArray(pixels);
        return frame;
    }

    private static List<SecondLook.Window> Windows(Mat grey)
    {
        var windows = new List<SecondLook.Window>();
        LineSource.Find(grey, null, lightText: true, windows);
        return windows;
    }
}
