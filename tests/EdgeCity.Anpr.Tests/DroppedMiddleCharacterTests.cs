using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The line network's reading short of a middle character the glyph reader counts whole is not reported
/// (<see cref="DroppedMiddleCharacter"/>): the glyph reader's reading is, where it clears its floors.
/// </summary>
public class DroppedMiddleCharacterTests
{
    [Fact]
    public void A_dropped_middle_character_is_read_from_the_glyph_reader()
    {
        // Seed 2, scene 199: the network read 74TG0 at 0.996, the glyph reader 74TSG0 at 0.936.
        var (frame, _) = BenchScenes.AssertReads(199, "74TSG0", "eu", seed: 2);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.Contains("74TSG0", read);
            Assert.DoesNotContain("74TG0", read);
        }
    }

    [Fact]
    public void A_dropped_character_the_glyph_reader_squeezed_still_counts()
    {
        // Seed 4, scene 112: the network read TJG16 at 0.979; the glyph reader's S (its 5) stands 0.76 of a pitch from the 1.
        var (frame, _) = BenchScenes.AssertReads(112, "TJG156", "eu", seed: 4);
        frame.Dispose();
    }

    [Fact]
    public void A_short_network_reading_gives_way_to_the_glyph_reading()
    {
        // Seed 2, scene 918 (14BEP4): the network read 148P4 at 0.972, the glyph reader 148EP4 at 0.786 — its B read as
        // 8 too, so the plate is still misread, but not as the network's short reading.
        using var frame = BenchScenes.Load(918, seed: 2).Frame;
        using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
        var read = recognizer.Read(frame).Select(r => r.Text).ToList();
        Assert.DoesNotContain("148P4", read);
    }

    [Fact]
    public void A_plate_both_readers_read_whole_is_read_as_before()
    {
        // Seed 2, scene 201: CW753TF, read right on main (a plate an EU warp made wider once lost).
        var (frame, _) = BenchScenes.AssertReads(201, "CW753TF", "eu", seed: 2);
        frame.Dispose();
    }

    [Theory]
    [InlineData("74TSG0", "74TG0", 3)]
    [InlineData("148EP4", "148P4", 3)]
    public void The_extra_middle_character_is_found(string glyphs, string network, int index) =>
        Assert.Equal(index, DroppedMiddleCharacter.Inserted(glyphs, network));

    [Theory]
    [InlineData("X74TG0", "74TG0")] // a box before the plate: no dropped character
    [InlineData("74TG0X", "74TG0")] // a box after it
    [InlineData("51WWB2", "51WB2")] // a doubled character: CollapsedRepeat's
    [InlineData("74TSG1", "74TG0")] // a second difference
    [InlineData("74TG0", "74TG0")]
    public void Other_differences_are_not_a_dropped_middle_character(string glyphs, string network) =>
        Assert.Null(DroppedMiddleCharacter.Inserted(glyphs, network));

    [Fact]
    public void Only_a_whole_box_a_pitch_from_both_neighbours_counts()
    {
        // 74TSG0 at a ~19 px pitch: the S a pitch from the T and the G.
        (string, int, int, int)[] boxes = [("7", 50, 15, 20), ("4", 69, 15, 20), ("T", 88, 15, 20), ("S", 107, 15, 20), ("G", 126, 15, 20), ("0", 145, 15, 20)];
        Assert.True(DroppedMiddleCharacter.StandsWhole(Reading("74TSG0", boxes), 3));
        // 0.74 of a pitch from the T (seed 4's TJG1S6: 0.76): still whole.
        boxes[3] = ("S", 102, 15, 20);
        Assert.True(DroppedMiddleCharacter.StandsWhole(Reading("74TSG0", boxes), 3));
        // Half a pitch from the T: a piece of it.
        boxes[3] = ("S", 97, 8, 20);
        Assert.False(DroppedMiddleCharacter.StandsWhole(Reading("74TSG0", boxes), 3));
        // A pitch apart but half the line's height: a hyphen or a dot, no character.
        boxes[3] = ("S", 107, 15, 9);
        Assert.False(DroppedMiddleCharacter.StandsWhole(Reading("74TSG0", boxes), 3));
    }

    private static LineReading Reading(string text, params (string Label, int X, int Width, int Height)[] boxes) =>
        new(text, "test", 0, 0.9, new GlyphBox(10, RectifiedLine.MainTop, 16, RectifiedLine.CharHeight), 0.9, false,
            boxes.Select(b => new ReadGlyph(new GlyphBox(b.X, RectifiedLine.MainTop, b.Width, b.Height), b.Label, 0.9f, 0)).ToList());
}
