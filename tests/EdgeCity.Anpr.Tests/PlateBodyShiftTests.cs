using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A plate body's line read again a half pixel above and below where it read nothing, reported where both agree, and a
/// two-line body's reading led by class digits refused (<see cref="PlateBodyRows"/>). Bench scenes, seed <see cref="BenchScenes.Seed"/>.
/// </summary>
public class PlateBodyShiftTests
{
    [Theory]
    // Bodies found within ~1–2 px of the true plate whose line read nothing as found: motion-blurred and sharp.
    [InlineData(343, "서울39배6940")]
    [InlineData(985, "경북99아0063")]
    [InlineData(1220, "60라2515")]
    public void A_body_read_a_half_pixel_above_and_below_reads_the_plate(int scene, string text) => BenchScenes.AssertReads(scene, text);

    [Fact]
    public void A_stacked_plates_tail_in_a_two_line_body_is_not_reported() =>
        // 전남78배2929: a body of two-line aspect over the stacked plate's right part (its top 17 px above the plate).
        BenchScenes.AssertDoesNotRead(1622, "78배2929");

    [Theory]
    [InlineData(true, "78배2929", false)]
    [InlineData(true, "123가4567", false)]
    [InlineData(true, "서울12가3456", true)]
    [InlineData(false, "78배2929", true)]
    [InlineData(true, "79DUG0", true)]
    public void Only_a_two_line_bodys_korean_reading_led_by_digits_is_refused(bool twoLine, string text, bool reported)
    {
        var body = new PlateBody(true, twoLine, 100, 200, 50, 0, twoLine ? 100 : 72, 0);
        Assert.Equal(reported, PlateBodyRows.MayReport(body, text));
    }
}
