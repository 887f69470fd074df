using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// EU readings of part of a plate, not reported (tuning seeds 3 and 7): the line network reads characters beyond the
/// reading's end (<see cref="NetworkReadsOn.Beyond"/>), or its end character is a part of one, much lower
/// than the rest (<see cref="PartEndCharacter"/>); and guards that plates the readers read differently inside, or whose
/// last character stands by the rim or the frame, still read.
/// </summary>
public class LatinPartReadingTests
{
    [Theory]
    [InlineData(7, 434, "T7KW")] // 77KWY4: the glyph run stops at a half-found Y; the network reads 77KWY4 on past it
    [InlineData(3, 779, "H464D")] // LH416AD at 30° yaw, blurred: the network reads an L before the glyph run's H
    [InlineData(7, 858, "NJ759SD")] // NJ759SP: the glyph reader's last box, the P's bowl, 0.71 of the characters' height
    public void Part_of_a_plate_is_no_plate(int seed, int index, string part)
    {
        var read = BenchScenes.ReadTexts(index, seed, out string truth);
        Assert.NotEqual(part, truth);
        Assert.DoesNotContain(part, read);
    }

    [Theory]
    [InlineData(2, 879)] // 36RWK4: the glyph reader's run is RWK4, the network's reading runs on before it
    [InlineData(3, 433)] // 36WLV7: the glyph reader drops the L inside the plate
    [InlineData(4, 345)] // PC21: the glyph reader reads PCZ1, one character otherwise
    [InlineData(7, 341)] // 71FLX0: the frame's hollow right corner beside the 0
    public void Plates_the_readers_read_differently_inside_still_read(int seed, int index)
    {
        var read = BenchScenes.ReadTexts(index, seed, out string truth);
        Assert.Contains(truth, read);
    }

    private static ReadGlyph Glyph(int x, int width, string label) => new(new GlyphBox(x, 35, width, 32), label, 0.9f, 0.01f);

    private static LineReading Reading(params ReadGlyph[] glyphs) =>
        new(string.Concat(glyphs.Select(g => g.Label)), LatinLineReader.Layout, 0, 0.9, GlyphBox.Union(glyphs.Select(g => g.Box)), 0.9, Glyphs: glyphs);

    [Fact]
    public void The_network_reading_beyond_an_end_reads_on()
    {
        // The glyph run T7KW of 77KWY4 (seed 7, 434) and the network's reading, its Y4 after the run's W.
        LineReading glyphs = Reading(Glyph(45, 19, "T"), Glyph(65, 15, "7"), Glyph(89, 18, "K"), Glyph(108, 19, "W"));
        LineReading network = Reading(Glyph(43, 19, "7"), Glyph(61, 24, "7"), Glyph(84, 24, "K"), Glyph(107, 22, "W"), Glyph(128, 27, "Y"), Glyph(154, 33, "4"));
        Assert.True(NetworkReadsOn.Beyond(glyphs, network));
        // The network's own reading, reported, reads on beyond nothing.
        Assert.False(NetworkReadsOn.Beyond(network, network));
        // Token places reaching a little past the reading's ends, centred inside it, are the same characters.
        LineReading same = Reading(Glyph(40, 26, "7"), Glyph(66, 22, "7"), Glyph(88, 20, "K"), Glyph(108, 24, "W"));
        Assert.False(NetworkReadsOn.Beyond(glyphs, same));
        Assert.False(NetworkReadsOn.Beyond(glyphs, null));
    }

    [Fact]
    public void An_end_box_much_lower_than_the_characters_is_part_of_one()
    {
        // NJ759SD of NJ759SP (seed 7, 858): the glyph reader's boxes, the last the P's bowl, 24 px of 33–36.
        LineReading reading = Reading(Glyph(45, 19, "N"), Glyph(68, 11, "J"), Glyph(93, 18, "7"), Glyph(112, 19, "5"), Glyph(132, 20, "9"), Glyph(163, 30, "S"), Glyph(194, 11, "D"));
        var boxes = new List<GlyphBox> { new(45, 33, 19, 33), new(68, 34, 11, 32), new(93, 34, 18, 34), new(112, 34, 19, 35), new(132, 36, 20, 34), new(163, 36, 30, 35), new(194, 37, 11, 24) };
        Assert.True(PartEndCharacter.Of(reading, boxes));
        // The same characters with a whole last box (0.85 of the median and up: the plates read right).
        boxes[^1] = new GlyphBox(194, 36, 11, 29);
        Assert.False(PartEndCharacter.Of(reading, boxes));
        // A short first character likewise.
        boxes[0] = new GlyphBox(45, 45, 19, 22);
        Assert.True(PartEndCharacter.Of(reading, boxes));
    }
}
