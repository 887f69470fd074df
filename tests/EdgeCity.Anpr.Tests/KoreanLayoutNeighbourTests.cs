using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A reading must not leave out a character-sized box right beside it: that box is the stacked region of
/// 서울32자6493 read as 32자6493, or the last digit of a plate whose trailing four were anchored one box too far left.
/// </summary>
public class KoreanLayoutNeighbourTests
{
    private const int H = RectifiedLine.CharHeight;
    private const int Top = RectifiedLine.MainTop;

    // Digits 16 px wide at a 20 px pitch; the Hangul one pitch and a quarter after the leading digits.
    private static GlyphBox Digit(int x) => new(x, Top, 16, H);

    private static List<GlyphBox> Plate(bool regionBox)
    {
        var boxes = new List<GlyphBox>();
        if (regionBox) boxes.Add(new GlyphBox(12, Top, 18, H));
        boxes.Add(Digit(40));
        boxes.Add(Digit(60));
        boxes.Add(new GlyphBox(83, Top, 20, H)); // the Hangul
        for (int i = 0; i < 4; i++) boxes.Add(Digit(110 + (20 * i)));
        return boxes;
    }

    [Fact]
    public void A_two_digit_reading_beside_a_character_sized_box_is_marked_as_leaving_it_out()
    {
        var hypotheses = KoreanLayouts.Enumerate(Plate(regionBox: true), [KoreanLayouts.DigitsHangulDigits, KoreanLayouts.StackedRegion]);
        KoreanLayoutHypothesis plain = hypotheses.Single(h => h.Layout == KoreanLayouts.DigitsHangulDigits && h.Leading.Count == 2 && h.Trailing[^1].X == 170);
        KoreanLayoutHypothesis stacked = hypotheses.Single(h => h.Layout == KoreanLayouts.StackedRegion && h.Trailing[^1].X == 170);
        Assert.True(plain.LeavesOutCharacter);
        Assert.Equal([new GlyphBox(12, Top, 18, H)], plain.LeftOut!); // the box the reader shows the classifier
        Assert.False(stacked.LeavesOutCharacter);
        Assert.Empty(stacked.LeftOut!);
        Assert.True(stacked.GeometryPenalty < plain.GeometryPenalty, $"stacked {stacked.GeometryPenalty:F2} vs plain {plain.GeometryPenalty:F2}");
    }

    [Fact]
    public void A_plate_alone_on_its_line_leaves_nothing_out()
    {
        var hypotheses = KoreanLayouts.Enumerate(Plate(regionBox: false), [KoreanLayouts.DigitsHangulDigits]);
        KoreanLayoutHypothesis truth = hypotheses.Single(h => h.Leading.Count == 2 && h.Trailing[^1].X == 170);
        Assert.False(truth.LeavesOutCharacter);
    }
}
