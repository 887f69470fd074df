using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A motion-blurred plate whose class Hangul the line network reads under its character floor and the glyph CNN cannot
/// read on any box: where the frame reports nothing else, the reading several independently placed lines read alike is
/// reported (<see cref="AgreeingLooks"/>). Bench scenes lost on main 33e283a (their failure analysis: "segment" or
/// "classify"); the network's misreads of such syllables stood on one line each (<see cref="BlurredClassHangulRefusalTests"/>).
/// </summary>
public class AgreeingLooksTests
{
    [Theory]
    [InlineData(148, "47허2240")] // 허 0.69–0.93 on a row and a body's line at three placements; the row's deblurred second chance read 아
    [InlineData(523, "80오1272")] // 오 0.66–0.86 on a row's second chance and two bodies' lines at five placements
    [InlineData(825, "70어3835")] // 어 0.72–0.78 on six lines; another row read 70머3835
    [InlineData(606, "인천13아3984")] // two rows refused for a weak digit; a plate body's shift read it at 0.93, the other shift nothing (ShiftedReading refused it): a look all the same
    public void A_blurred_class_hangul_read_alike_on_several_lines_is_reported(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    private static PlateReading At(string text, int x, double confidence = 0.9) => new(text, confidence, x, 100, 90, 24, "kr");

    [Fact]
    public void A_look_at_a_reading_s_place_with_another_text_disputes_it()
    {
        var looks = new AgreeingLooks();
        looks.NewLine();
        looks.Add(At("대전75사5010", 100));
        Assert.True(looks.Disputes(At("대전25사5010", 105)));
        Assert.False(looks.Disputes(At("대전75사5010", 105))); // the same text
        Assert.False(looks.Disputes(At("대전25사5010", 400))); // another place
    }

    [Fact]
    public void Three_lines_reading_alike_are_reported_the_surest_of_them()
    {
        var looks = new AgreeingLooks();
        foreach (var (text, confidence) in new[] { ("47허2240", 0.92), ("47허2240", 0.95), ("47허2240", 0.93) })
        {
            looks.NewLine();
            looks.Add(At(text, 100, confidence));
        }

        Assert.Equal(0.95, looks.Agreed()?.Confidence);
    }

    [Fact]
    public void A_line_and_its_deblurred_second_chance_are_one_look()
    {
        // 07아1176 of 07하1176 (bench scene 16): the row and its second chance read the same misread.
        var looks = new AgreeingLooks();
        looks.NewLine();
        looks.Add(At("07아1176", 100));
        looks.Add(At("07아1176", 100));
        looks.NewLine();
        looks.Add(At("07아1176", 101));
        Assert.Equal(2, looks.Count);
        Assert.Null(looks.Agreed());
    }

    [Fact]
    public void Lines_reading_another_text_at_the_same_place_veto_unless_outnumbered_three_to_one()
    {
        var looks = new AgreeingLooks();
        foreach (string text in new[] { "70어3835", "70어3835", "70어3835", "70머3835" })
        {
            looks.NewLine();
            looks.Add(At(text, 100));
        }

        Assert.Equal("70어3835", looks.Agreed()?.Text);
        looks.NewLine();
        looks.Add(At("70머3835", 104));
        Assert.Null(looks.Agreed());
        // A reading elsewhere in the frame is no dissent.
        looks.DropFrom(4, _ => true);
        looks.NewLine();
        looks.Add(At("70머3835", 600));
        Assert.Equal("70어3835", looks.Agreed()?.Text);
    }
}
