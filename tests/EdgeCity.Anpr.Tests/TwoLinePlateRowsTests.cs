using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>A two-line plate found as two rows — its upper line one, its main line another — read as one plate (TwoLinePlateRows).</summary>
public class TwoLinePlateRowsTests
{
    [Fact]
    public void A_two_line_plate_whose_lines_are_two_rows_is_read_whole()
    {
        // 충북56 (0.99) as one row and 자5806 (0.99) as the row below; the lower row's own upper strip reads 인천4.
        BenchScenes.AssertReads(891, "충북56자5806").Frame.Dispose();
    }

    private static LineReading Reading(params string[] labels) =>
        new(string.Concat(labels), "crnn", 0, 0.98, new GlyphBox(0, 0, 10, 10), 0.95,
            Glyphs: labels.Select(l => new ReadGlyph(new GlyphBox(0, 0, 10, 10), l, 0.98f, 0)).ToList());

    [Theory]
    [InlineData(740, 460, 50, 20, true)] // just above the main line, centred over it
    [InlineData(740, 400, 50, 20, false)] // far above: another row (a sign, another car's line)
    [InlineData(850, 460, 50, 20, false)] // beside the main line
    [InlineData(740, 430, 50, 60, false)] // taller than the main line: no plate's upper line
    public void Only_an_upper_line_standing_just_over_the_main_line_makes_a_plate(int x, int y, int width, int height, bool paired)
    {
        var upper = new TwoLinePlateRows.Half(Reading("충북", "5", "6"), new Rect(x, y, width, height), Upper: true);
        var lower = new TwoLinePlateRows.Half(Reading("자", "5", "8", "0", "6"), new Rect(730, 485, 90, 35), Upper: false);
        Assert.Equal(true, TwoLinePlateRows.IsUpper(upper.Reading));
        Assert.Equal(false, TwoLinePlateRows.IsUpper(lower.Reading));
        var read = TwoLinePlateRows.Pair([upper, lower], RegionProfile.Load("kr")).Select(r => r.Text).ToList();
        Assert.Equal(paired ? ["충북56자5806"] : [], read);
    }
}
