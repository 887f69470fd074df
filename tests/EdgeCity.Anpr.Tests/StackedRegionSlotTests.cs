using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>Which ink before two leading digits is a stacked region name's (the tail-of-a-regional-plate rule).</summary>
public class StackedRegionSlotTests
{
    private const int H = RectifiedLine.CharHeight;
    private const int Top = RectifiedLine.MainTop;
    private static readonly GlyphBox FirstDigit = new(40, Top, 16, H);

    [Fact]
    public void One_syllable_of_the_name_at_the_top_of_the_line_is_found()
    {
        var upperSyllable = new GlyphBox(14, Top, 16, 17);
        Assert.Equal(upperSyllable, StackedRegionSlot.Find([upperSyllable, FirstDigit], FirstDigit, 20, 16));
    }

    [Fact]
    public void The_nearest_box_before_the_digit_is_the_one_judged()
    {
        var name = new GlyphBox(14, Top + 1, 15, H - 2);
        var rimPiece = new GlyphBox(2, Top - 3, 2, H + 6);
        Assert.Equal(name, StackedRegionSlot.Find([rimPiece, name, FirstDigit], FirstDigit, 20, 16));
    }

    [Theory]
    [InlineData(20, Top - 14, 10, 10)] // a bolt above the line: its middle is above the digit's rows
    [InlineData(30, Top, 7, H)] // a frame's edge: narrower than half a digit
    [InlineData(16, Top - 3, 12, H + 3)] // the car or a frame's side: runs on beyond the band's top
    [InlineData(0, Top, 14, H)] // ... or beyond its left end
    [InlineData(20, Top + 10, 12, 8)] // a speck: under 0.4 of the digit's height
    [InlineData(1, Top, 12, H)] // ink more than 1.3 pitches before the digit
    public void Other_ink_before_the_digits_is_not_a_region(int x, int y, int width, int height)
    {
        var box = new GlyphBox(x, y, width, height);
        Assert.Null(StackedRegionSlot.Find([box, FirstDigit], FirstDigit, 20, 16));
    }

    [Fact]
    public void A_glyph_is_ambiguous_when_the_runner_up_has_at_least_four_tenths_of_the_winners_probability()
    {
        Assert.True(new ReadGlyph(FirstDigit, "마", 0.52f, 0.25f).Ambiguous);
        Assert.False(new ReadGlyph(FirstDigit, "허", 0.58f, 0.03f).Ambiguous);
    }
}
