using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// An EU reading read again on a warp reaching further right, where the plate's last group may stand (LatinLastGroup):
/// the rule on its own, the scenes of seeds 1–3 it was made for, and one whose wider warp reads otherwise; the wider warp
/// read only where it shows ink beyond the row (MayGoOn).
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
    public void An_eu_plate_is_read_to_its_last_group_beyond_the_first_wider_warp()
    {
        // Seed 8's BU691HX (97 px, yaw −13°): the row stops at the group gap after BU691, the first wider warp ends at the H
        // and reports BU691H; the X stands beyond it, on a warp one extension wider.
        var (frame, _) = BenchScenes.AssertReads(132, "BU691HX", "eu", seed: 8);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            Assert.DoesNotContain("BU691H", recognizer.Read(frame).Select(r => r.Text));
        }
    }

    [Fact]
    public void A_reading_the_wider_warp_reads_inside_a_longer_text_is_not_reported()
    {
        // Seed 10's TTT15 (141 px, yaw 20°, motion 1.9 px): the narrow warp's readers read T15, the wider warp's read TTT15
        // and refused it. T15 is part of the plate, not a plate.
        BenchScenes.AssertDoesNotRead(236, "T15", "eu", seed: 10);
    }

    [Fact]
    public void A_reading_inside_a_longer_unreported_text_of_the_wider_warp_is_not_reported() =>
        Assert.Null(LatinLastGroup.Choose(Short with { Text = "T15" }, null, ["TTT15"]));

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

    [Fact]
    public void A_whole_plates_wider_warp_is_not_read()
    {
        // 51WWB2 (seed 1), sharp: right of its last character the wider warp shows the plate's margin, its rim and the car.
        var (frame, _) = BenchScenes.AssertReads(1908, "51WWB2", "eu");
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            Assert.Contains("51WWB2", recognizer.Read(frame).Select(r => r.Text));
            Assert.Equal(0, recognizer.LatinWiderLooks);
        }
    }

    [Fact]
    public void A_plate_short_of_its_last_character_has_its_wider_warp_read()
    {
        // Seed 2's 03NCL8: its 8, glued to the rim, beyond the narrow warp's edge.
        var (frame, _) = BenchScenes.Load(824, seed: 2);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            recognizer.Read(frame);
            Assert.True(recognizer.LatinWiderLooks > 0);
        }
    }

    [Theory]
    [InlineData(Beyond.Nothing, false)] // the plate's margin, light to the warp's edge
    [InlineData(Beyond.Character, true)] // a character past the row's last one (the next group)
    [InlineData(Beyond.CutCharacter, true)] // a character the wider warp's own edge cuts
    [InlineData(Beyond.Rim, false)] // a line a pixel wide spanning the band: the plate's rim
    [InlineData(Beyond.DarkCar, false)] // dark from the rim on, through every row of the band: the car
    [InlineData(Beyond.Bolt, false)] // a bolt's dot, under a third of a character tall
    public void The_wider_warp_is_read_where_it_shows_a_character_beyond_the_row(Beyond beyond, bool read)
    {
        // An identity warp: the row's three characters end 1.5 character heights from the warp's right edge, as a wider warp's do.
        const int h = RectifiedLine.CharHeight, width = 400, rowRight = width - (3 * h / 2);
        using var grey = new Mat(RectifiedLine.Rows, width, MatType.CV_8UC1, Scalar.All(220));
        for (int k = 0; k < 3; k++) grey.Rectangle(new Rect(rowRight - (k * 24) - 18, RectifiedLine.MainTop, 18, h), Scalar.All(30), -1);
        switch (beyond)
        {
            case Beyond.Character: grey.Rectangle(new Rect(rowRight + 14, RectifiedLine.MainTop, 18, h), Scalar.All(30), -1); break;
            case Beyond.CutCharacter: grey.Rectangle(new Rect(width - 10, RectifiedLine.MainTop, 10, h), Scalar.All(30), -1); break;
            case Beyond.Rim: grey.Line(new Point(rowRight + 16, 0), new Point(rowRight + 16, RectifiedLine.Rows - 1), Scalar.All(30)); break;
            case Beyond.DarkCar: grey.Rectangle(new Rect(rowRight + 16, 0, width - rowRight - 16, RectifiedLine.Rows), Scalar.All(40), -1); break;
            case Beyond.Bolt: grey.Circle(new Point(rowRight + 20, RectifiedLine.MainTop + 4), 3, Scalar.All(30), -1); break;
        }

        using var wide = new RectifiedLine(grey.Clone(), Mat.Eye(3, 3, MatType.CV_64FC1).ToMat()) { RightExtension = LatinLastGroup.WideRightExtension };
        Assert.Equal(read, LatinLastGroup.MayGoOn(wide));
    }

    [Theory]
    [InlineData(false, false)] // the first wider warp's last character, cut by its edge, and nothing past it
    [InlineData(true, true)] // a character past the first wider warp's edge
    public void A_warp_wider_still_is_read_where_it_shows_a_character_beyond_the_first_wider_warp(bool beyond, bool read)
    {
        // An identity warp two extensions wide: the first wider warp's edge stands 1.5 character heights from its right edge.
        const int h = RectifiedLine.CharHeight, width = 400, firstEdge = width - (3 * h / 2);
        using var grey = new Mat(RectifiedLine.Rows, width, MatType.CV_8UC1, Scalar.All(220));
        for (int k = 0; k < 4; k++) grey.Rectangle(new Rect(firstEdge - (k * 24) - 18, RectifiedLine.MainTop, 18, h), Scalar.All(30), -1);
        if (beyond) grey.Rectangle(new Rect(firstEdge + 8, RectifiedLine.MainTop, 18, h), Scalar.All(30), -1);
        using var wide = new RectifiedLine(grey.Clone(), Mat.Eye(3, 3, MatType.CV_64FC1).ToMat()) { RightExtension = 2 * LatinLastGroup.WideRightExtension };
        Assert.Equal(read, LatinLastGroup.MayGoOn(wide, LatinLastGroup.WideRightExtension));
    }

    public enum Beyond
    {
        Nothing,
        Character,
        CutCharacter,
        Rim,
        DarkCar,
        Bolt,
    }
}
