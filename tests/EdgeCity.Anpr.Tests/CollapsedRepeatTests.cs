using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The glyph reader's reading that counts a doubled character the line network's CTC decoding merged
/// (<see cref="CollapsedRepeat"/>) is the one reported; any other one-character difference is not this rule's.
/// </summary>
public class CollapsedRepeatTests
{
    [Theory]
    [InlineData("51WWB2", "51WB2", 'W')] // the bench's EU plate the retrained network read 51WB2 at 0.999
    [InlineData("AA123", "A123", 'A')] // the first two characters
    [InlineData("12가3455", "12가345", '5')] // the last two
    [InlineData("123가8826", "123가826", '8')]
    [InlineData("50MMST8", "50MST8", 'M')]
    public void A_doubled_character_the_network_merged_is_restored(string glyphs, string network, char doubled) =>
        Assert.Equal(doubled, CollapsedRepeat.Doubled(glyphs, network));

    [Theory]
    [InlineData("50MST8", "50ST8")] // an extra character equal to neither neighbour: another disagreement
    [InlineData("141다5888", "14다5888")] // the 1 before 다 repeats no neighbour
    [InlineData("51WB2", "51WWB2")] // the network's reading has the doubled character: not the glyph reader's
    [InlineData("51WWB2", "51WB3")] // a second difference
    [InlineData("51WWWB2", "51WB2")] // two characters more
    [InlineData("51WB2", "51WB2")] // the same reading
    [InlineData("12가3455", "12가3456")] // the same length
    public void Other_differences_are_not_a_merged_repeat(string glyphs, string network) =>
        Assert.Null(CollapsedRepeat.Doubled(glyphs, network));

    [Fact]
    public void The_glyph_reading_wins_a_merged_repeat_whatever_the_confidences()
    {
        // 51WWB2 as the glyph reader read bench scene 1908: every box a pitch (~19 px) from the next.
        LineReading glyphs = Reading("51WWB2", 0.95, ("5", 50, 16, 0.97f), ("1", 69, 15, 0.95f), ("W", 96, 16, 0.94f),
            ("W", 114, 17, 0.95f), ("B", 133, 17, 0.95f), ("2", 161, 15, 0.92f));
        LineReading network = Reading("51WB2", 0.997);
        Assert.Same(glyphs, CollapsedRepeat.Choose(glyphs, network));
        // Otherwise the surer reading, as before.
        LineReading other = Reading("51WB3", 0.999);
        Assert.Same(other, CollapsedRepeat.Choose(glyphs, other));
        Assert.Same(glyphs, CollapsedRepeat.Choose(glyphs, Reading("51WB3", 0.5)));
    }

    [Fact]
    public void One_letter_cut_in_two_halves_is_not_a_doubled_letter()
    {
        // 71UCH0 read 71UCHH0 by the glyph reader (bench scene 1254): the H cut down its middle, two boxes half a pitch apart.
        (string, int, int, float)[] boxes = [("7", 96, 17, 0.95f), ("1", 114, 17, 0.96f), ("U", 141, 9, 0.97f), ("C", 151, 24, 0.63f),
            ("H", 176, 12, 0.40f), ("H", 189, 11, 0.88f), ("0", 210, 20, 0.97f)];
        LineReading glyphs = Reading("71UCHH0", 0.786, boxes), network = Reading("71UCH0", 0.907);
        Assert.Same(network, CollapsedRepeat.Choose(glyphs, network));
        // Half a pitch apart, even both sure: not two characters.
        boxes[4] = ("H", 176, 12, 0.9f);
        Assert.False(CollapsedRepeat.CountsBoth(Reading("71UCHH0", 0.8, boxes), 'H'));
    }

    private static LineReading Reading(string text, double confidence, params (string Label, int X, int Width, float P)[] boxes) =>
        new(text, "test", 0, confidence, new GlyphBox(10, RectifiedLine.MainTop, 16, RectifiedLine.CharHeight), confidence, false,
            boxes.Select(b => new ReadGlyph(new GlyphBox(b.X, RectifiedLine.MainTop, b.Width, RectifiedLine.CharHeight), b.Label, b.P, 0)).ToList());
}
