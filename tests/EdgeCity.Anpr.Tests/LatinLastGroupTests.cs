using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// An EU reading read again on a warp reaching further right, where the plate's last group may stand (LatinLastGroup):
/// the rule on its own, the scenes of seeds 1–3 it was made for, and one whose wider warp reads otherwise.
/// </summary>
public class LatinLastGroupTests
{
    private static readonly PlateReading Short = new("03NCL", 0.999, 845, 491, 54, 23, "eu-latin");

    [Theory]
    [InlineData(824, "03NCL8", "03NCL", 2)] // 113 px, sharp: the 8 glued to the rim, cut by the warp's right edge; 03NCL at 0.999
    [InlineData(364, "AW424FR", "AW424", 3)] // 107 px, motion 1.9 px: the group FR beyond the gap, outside the warp (its blurred second chance)
    [InlineData(898, "TPXY3937", "TPXY393", 1)] // 200 px, motion 2.4 px, yaw 30°: the last 7 outside
    public void An_eu_plate_is_read_to_its_last_group(int index, string plate, string shortReading, int seed)
    {
        var (frame, _) = BenchScenes.AssertReads(index, plate, "eu", seed);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            Assert.DoesNotContain(shortReading, recognizer.Read(frame).Select(r => r.Text));
        }
    }

    [Fact]
    public void A_plate_whose_wider_warp_reads_another_text_is_read_as_before() =>
        // Seed 2's CW753TF (120 px, motion 2.4 px): on the wider warp the network's W falls under its floor and the glyph
        // reader's C7753TF is reported; it does not begin with CW753TF, so the first reading stands. Every EU warp made
        // wider lost this plate.
        BenchScenes.AssertReads(201, "CW753TF", "eu", seed: 2).Frame.Dispose();

    [Fact]
    public void The_wider_warps_longer_reading_replaces_it() =>
        Assert.Equal("03NCL8", LatinLastGroup.Choose(Short, Short with { Text = "03NCL8", Width = 68 }, [])?.Text);

    [Fact]
    public void Another_reading_on_the_wider_warp_leaves_it_as_it_was() =>
        Assert.Same(Short, LatinLastGroup.Choose(Short, Short with { Text = "03NCI8" }, []));

    [Fact]
    public void A_reading_that_goes_on_unreported_on_the_wider_warp_is_not_reported() =>
        Assert.Null(LatinLastGroup.Choose(Short, null, ["03NCL8"]));

    [Fact]
    public void A_reading_the_wider_warp_reads_no_more_of_stands() => Assert.Same(Short, LatinLastGroup.Choose(Short, null, ["03NCL", "3NCL"]));
}
