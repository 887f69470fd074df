using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// An EU reading whose text goes on right after it (<see cref="TextGoesOn"/>, tuning seeds 3 and 6): a sign's price
/// "1시간 2,000원" read H2000, its 원 taller than the Latin digits; and guards that plates whose rim, frame or car stands
/// right after their last character still read.
/// </summary>
public class TextGoesOnTests
{
    [Theory]
    [InlineData(3, 458)] // 47FBC7 under a parking sign's 1시간 2,000원 (its comma glued to the 2)
    [InlineData(6, 181)] // NP381WK under the same sign
    public void A_price_with_its_unit_after_it_is_no_plate_and_the_plate_still_reads(int seed, int index)
    {
        var read = BenchScenes.ReadTexts(index, seed, out string truth);
        Assert.DoesNotContain("H2000", read);
        Assert.Contains(truth, read);
    }

    [Theory]
    [InlineData(7, 341)] // 71FLX0: the frame's hollow right corner 0.4 pitch after its 0
    [InlineData(3, 15)] // GV988AC: the car's body a pitch after its C
    [InlineData(5, 234)] // UJU2289 (its country band before it, a box of strokes as tall as a syllable: only the right end is asked)
    public void Plates_with_their_rim_frame_or_band_beside_them_still_read(int seed, int index)
    {
        var read = BenchScenes.ReadTexts(index, seed, out string truth);
        Assert.Contains(truth, read);
    }

    [Fact]
    public void A_syllable_or_a_glyph_is_text_and_a_rim_s_corner_an_edge_or_the_car_is_not()
    {
        const double h = 30; // the reading's characters' height, px
        Assert.True(TextGoesOn.IsTextLike(new GlyphBox(0, 33, 29, 37), h, 0.42)); // 원 after 2,000: 1.22 tall, 0.95 wide
        Assert.True(TextGoesOn.IsTextLike(new GlyphBox(0, 35, 22, 29), h, 0.85)); // a blurred X of the plate, as tall as the rest
        Assert.False(TextGoesOn.IsTextLike(new GlyphBox(0, 36, 27, 40), h, 0.08)); // the frame's hollow corner (71FLX0)
        Assert.False(TextGoesOn.IsTextLike(new GlyphBox(0, 32, 24, 38), h, 0.97)); // the car's body beyond the plate
        Assert.False(TextGoesOn.IsTextLike(new GlyphBox(0, 36, 6, 36), h, 0.99)); // the rim's or a sign board's edge
        Assert.False(TextGoesOn.IsTextLike(new GlyphBox(0, 50, 18, 12), h, 0.5)); // a bolt or a sticker, low
        Assert.False(TextGoesOn.IsTextLike(new GlyphBox(0, 20, 30, 50), h, 0.5)); // more than 1.45 times the characters' height
    }
}
