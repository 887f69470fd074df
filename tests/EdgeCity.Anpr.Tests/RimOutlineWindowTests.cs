using EdgeCity.Anpr.Detection;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A far plate whose rim and characters are one wide, sparse component at half resolution (its strokes as thin as the
/// rim there, so the thin-line split cannot take them apart) is looked at again at full resolution, as a plate's body is.
/// </summary>
public class RimOutlineWindowTests
{
    [Theory]
    [InlineData(803, "충남78로4342")] // green two-line, 106 px: its white rim and text one light component 53×28 at half resolution
    [InlineData(936, "인천80소4444")] // green two-line, 100 px, on a dark car: the same, 50×27
    public void A_rim_glued_to_its_text_opens_a_window_and_the_plate_is_read(int scene, string text)
    {
        var (frame, truth) = BenchScenes.AssertReads(scene, text);
        using (frame)
        {
            using var grey = frame.CvtColor(ColorConversionCodes.BGR2GRAY);
            var windows = new List<SecondLook.Window>();
            List<TextLine> rows = LineSource.Find(grey, null, lightText: true, windows);
            var centre = new Point((truth.Box.Left + truth.Box.Right) / 2, (truth.Box.Top + truth.Box.Bottom) / 2);
            Assert.True(windows.Exists(w => w.Box.Contains(centre)), $"bench scene {scene} (seed {BenchScenes.Seed}): no window on the plate at {centre}");
            Assert.False(
                rows.Exists(r => r.Left <= centre.X && r.Right >= centre.X && Math.Abs(((r.Top(centre.X) + r.Bottom(centre.X)) / 2) - centre.Y) < truth.Box.Height / 4f && r.MeanHeight < 0.9f * truth.Box.Height),
                $"bench scene {scene} (seed {BenchScenes.Seed}): the first search already has a row on the plate");
        }
    }

    [Fact]
    public void Only_a_far_plates_size_is_an_outline()
    {
        Assert.True(BlobExtractor.IsSmallPlateOutline(53, 28));
        Assert.False(BlobExtractor.IsSmallPlateOutline(BlobExtractor.SmallPlateMaxWidthPx + 1, 30)); // a near plate's rim: its text makes rows of its own
    }
}
