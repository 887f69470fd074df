using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A reading that may be short of a stacked name at the final warp's left edge, read again on a wider warp
/// (StackedNameRoom): the rule on its own, and the bench scene it was made for.
/// </summary>
public class StackedNameRoomTests
{
    private static readonly PlateReading Tail = new("86아5882", 0.99, 100, 50, 60, 20, "kr-2digit");

    [Theory]
    [InlineData("86아5882", "kr-2digit", 40, false)] // a 12가3456 reading with a name's room before it: as read
    [InlineData("86아5882", "kr-2digit", 20, true)] // within a character height of the warp's edge: perhaps a stacked plate's tail
    [InlineData("인천86아5882", "kr-regional-stacked", 5, true)] // its name within half a character height of the warp's edge
    [InlineData("인천86아5882", "kr-regional-stacked", 20, false)] // its name well inside the warp
    [InlineData("123가4567", "kr-3digit", 0, false)] // no stacked plate's tail
    public void Readings_that_may_be_short_of_a_stacked_name_are_read_again(string text, string format, int x, bool wanted)
    {
        // An identity warp (a character 32 px tall): frame and warp pixels alike, the warp's left edge at x 0.
        using var line = new RectifiedLine(new Mat(RectifiedLine.Rows, 200, MatType.CV_8UC1, Scalar.All(255)), Mat.Eye(3, 3, MatType.CV_64FC1).ToMat());
        Assert.Equal(wanted, StackedNameRoom.Wants(Tail with { Text = text, Format = format, X = x, Y = RectifiedLine.MainTop, Height = RectifiedLine.CharHeight }, line));
    }

    [Fact]
    public void The_wider_warps_stacked_reading_of_the_same_tail_replaces_it() =>
        Assert.Equal("인천86아5882", StackedNameRoom.Choose(Tail, Tail with { Text = "인천86아5882", Format = "kr-regional-stacked" }, [])?.Text);

    [Fact]
    public void A_tail_read_with_more_before_it_but_no_plate_on_the_wider_warp_is_not_reported() =>
        Assert.Null(StackedNameRoom.Choose(Tail, null, ["86아5882", "인천86아5882"]));

    [Fact]
    public void A_tail_with_a_mark_read_as_a_digit_before_it_stands() => Assert.Same(Tail, StackedNameRoom.Choose(Tail, null, ["186아5882"]));

    [Fact]
    public void A_tail_the_wider_warp_reads_no_more_of_stands() => Assert.Same(Tail, StackedNameRoom.Choose(Tail, null, ["86아5882", "6아5882"]));

    [Fact]
    public void Another_plate_on_the_wider_warp_leaves_the_reading_as_it_was() =>
        Assert.Same(Tail, StackedNameRoom.Choose(Tail, Tail with { Text = "인천12가3456", Format = "kr-regional-stacked" }, []));

    [Fact]
    public void A_stacked_reading_the_wider_warp_does_not_read_stands()
    {
        var stacked = Tail with { Text = "인천86아5882", Format = "kr-regional-stacked" };
        Assert.Same(stacked, StackedNameRoom.Choose(stacked, null, ["서울86아5882"]));
    }

    [Fact]
    public void A_small_stacked_plates_tail_is_read_with_its_name()
    {
        // 인천86아5882, 99 px, yaw 13°: its 4-character row's warp began just before the 8 (0.6 character heights of room),
        // the name outside it; the tail 86아5882 (a valid 12가3456 plate) was reported at 0.99.
        var (frame, _) = BenchScenes.Load(1773);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.Contains("인천86아5882", read);
            Assert.DoesNotContain("86아5882", read);
            Assert.True(recognizer.WiderLooks > 0);
        }
    }

    [Fact]
    public void A_plain_12가3456_plate_is_not_read_again()
    {
        // 69하5377, its warp's room before the 6 as the rectifier gives it (1.5 character heights): a stacked name would
        // stand inside the warp, where the readers see it (NamelessTail), so no second warp is made.
        var (frame, _) = BenchScenes.AssertReads(4, "69하5377");
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            Assert.Contains("69하5377", recognizer.Read(frame).Select(r => r.Text));
            Assert.Equal(0, recognizer.WiderLooks);
        }
    }
}
