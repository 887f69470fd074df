using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The glyph reader's reading that counts a doubled character the line network's CTC decoding merged
/// (<see cref="CollapsedRepeat"/>) is the one reported; any other one-character difference is not this rule's.
/// </summary>
public class CollapsedRepeatTests
{
    [Theory]
    [InlineData("51WWB2", "51WB2")] // the bench's EU plate the retrained network read 51WB2 at 0.999
    [InlineData("AA123", "A123")] // the first two characters
    [InlineData("12가3455", "12가345")] // the last two
    [InlineData("123가8826", "123가826")]
    [InlineData("50MMST8", "50MST8")]
    public void A_doubled_character_the_network_merged_is_restored(string glyphs, string network) =>
        Assert.True(CollapsedRepeat.Restores(glyphs, network), $"{glyphs} vs {network}");

    [Theory]
    [InlineData("50MST8", "50ST8")] // an extra character equal to neither neighbour: another disagreement
    [InlineData("141다5888", "14다5888")] // the 1 before 다 repeats no neighbour
    [InlineData("51WB2", "51WWB2")] // the network's reading has the doubled character: not the glyph reader's
    [InlineData("51WWB2", "51WB3")] // a second difference
    [InlineData("51WWWB2", "51WB2")] // two characters more
    [InlineData("51WB2", "51WB2")] // the same reading
    [InlineData("12가3455", "12가3456")] // the same length
    public void Other_differences_are_not_a_merged_repeat(string glyphs, string network) =>
        Assert.False(CollapsedRepeat.Restores(glyphs, network), $"{glyphs} vs {network}");

    [Fact]
    public void The_glyph_reading_wins_a_merged_repeat_whatever_the_confidences()
    {
        LineReading glyphs = Reading("51WWB2", 0.71), network = Reading("51WB2", 0.999);
        Assert.Same(glyphs, CollapsedRepeat.Choose(glyphs, network));
        // Otherwise the surer reading, as before.
        LineReading other = Reading("51WB3", 0.999);
        Assert.Same(other, CollapsedRepeat.Choose(glyphs, other));
        Assert.Same(glyphs, CollapsedRepeat.Choose(glyphs, Reading("51WB3", 0.5)));
    }

    private static LineReading Reading(string text, double confidence) =>
        new(text, "test", 0, confidence, new GlyphBox(10, RectifiedLine.MainTop, 16, RectifiedLine.CharHeight), confidence);
}
