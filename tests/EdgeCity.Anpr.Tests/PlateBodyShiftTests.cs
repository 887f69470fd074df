using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A plate body's line read again a half pixel above and below where it read nothing, reported where both agree, and a
/// two-line body's reading led by class digits refused, a small body's ends walked along strips clear of its edges (<see cref="PlateBodyRows"/>). Bench scenes, seed <see cref="BenchScenes.Seed"/>.
/// </summary>
public class PlateBodyShiftTests
{
    [Theory]
    // Bodies found within ~1–2 px of the true plate whose line read nothing as found: motion-blurred and sharp.
    [InlineData(985, "경북99아0063")]
    [InlineData(1220, "60라2515")]
    public void A_body_read_a_half_pixel_above_and_below_reads_the_plate(int scene, string text) => BenchScenes.AssertReads(scene, text).Frame.Dispose();

    [Fact]
    public void A_sure_whole_two_line_plate_read_on_one_shift_alone_is_reported() =>
        // 대구17자1583, 99 px wide: no body found within 8 px of its top; the half of one (its top 8 px above the plate)
        // read 0.5 px up reads the plate at 1.00 after the refit through its characters, 0.5 px down nothing.
        BenchScenes.AssertReads(1017, "대구17자1583").Frame.Dispose();

    [Theory]
    // One shift read the whole named plate at 0.97–0.99, the other nothing (MinSureAloneConfidence 0.95 since session 23).
    [InlineData(1, 1471, "충남36자1741")] // 0.972
    [InlineData(2, 330, "서울08아8861")] // 0.989
    [InlineData(6, 207, "울산82자5272")] // 0.987
    [InlineData(11, 11, "대구16주7797")] // 0.983
    public void A_named_plate_one_shift_reads_at_0_97_to_0_99_alone_is_reported(int seed, int scene, string text) =>
        BenchScenes.AssertReads(scene, text, seed: seed).Frame.Dispose();

    [Fact]
    public void A_reading_one_shift_reads_alone_against_a_look_held_at_its_place_is_no_plate() =>
        // 대전75사5010: a row read it (its 0 at 0.89, unconfirmed: a held look); one shift read 대전25사5010 at 0.984.
        BenchScenes.AssertDoesNotRead(991, "대전25사5010", seed: 5);

    [Theory]
    [InlineData("대구17자1583", 0.995, null, 0.0, "대구17자1583")] // a whole named plate, sure, the other shift read nothing
    [InlineData(null, 0.0, "대구17자1583", 0.995, "대구17자1583")]
    [InlineData("대구17자1583", 0.97, null, 0.0, "대구17자1583")] // sure enough alone (seed 1's 1471 at 0.972)
    [InlineData("대구17자1583", 0.9, null, 0.0, null)] // not sure enough alone
    [InlineData("13아3984", 0.999, null, 0.0, null)] // a stacked plate's tail: no name before its class digits
    [InlineData("TPXY393", 0.999, null, 0.0, null)] // not a named plate
    [InlineData("60라2515", 0.9, "60라2515", 0.95, "60라2515")] // both agree
    [InlineData("대구17자1583", 0.999, "대구17자1588", 0.999, null)] // two readings: none
    public void A_shifted_bodys_readings_report_where_both_agree_or_one_is_a_sure_whole_plate(string? above, double aboveConfidence, string? below, double belowConfidence, string? reported)
    {
        PlateReading? Reading(string? text, double confidence) => text is null ? null : new PlateReading(text, confidence, 100, 50, 90, 40, "kr");
        Assert.Equal(reported, PlateBodyRows.ShiftedReading(Reading(above, aboveConfidence), Reading(below, belowConfidence))?.Text);
    }

    [Theory]
    [InlineData("70나4306", 0.999, true, "70나4306")] // a white or blue plate's: no regional plate's tail
    [InlineData("70나4306", 0.999, false, null)] // colour unknown or yellow/green: a stacked plate's tail, maybe
    [InlineData("70나4306", 0.9, true, null)] // not sure enough alone
    public void A_sure_plate_one_shift_reads_alone_led_by_digits_is_reported_where_its_colour_carries_no_name(string text, double confidence, bool nameless, string? reported)
    {
        var alone = new PlateReading(text, confidence, 100, 50, 90, 40, "kr");
        Assert.Equal(reported, PlateBodyRows.ShiftedReading(alone, null, _ => false, _ => nameless)?.Text);
        Assert.Equal(reported, PlateBodyRows.ShiftedReading(null, alone, _ => false, _ => nameless)?.Text);
    }

    [Fact]
    public void A_white_plate_one_body_shift_reads_alone_is_reported() =>
        // Seed 11's 318 70나4306 (white, ~100 px): its rows' readings leave out a character, one shift of its body reads it
        // at 1.00, the other nothing.
        BenchScenes.AssertReads(318, "70나4306", seed: 11).Frame.Dispose();

    [Fact]
    public void A_sure_whole_plate_one_shift_reads_alone_is_not_reported_where_another_line_disputes_it()
    {
        var alone = new PlateReading("대전25사5010", 0.984, 100, 50, 90, 40, "kr");
        Assert.Null(PlateBodyRows.ShiftedReading(alone, null, r => r.Text == "대전25사5010"));
        Assert.Equal(alone, PlateBodyRows.ShiftedReading(alone, null, _ => false));
        // Both shifts agreeing stand whatever another line read.
        Assert.Equal(alone, PlateBodyRows.ShiftedReading(alone, alone with { Confidence = 0.9 }, _ => true));
    }

    [Theory]
    // Bodies ~20–30 px tall whose ends stopped 29 px short of the plate's right end (262) while the strips they are
    // walked along ran 1.2 px inside the edges, on the edges' own transition.
    [InlineData(262, "38보3311")]
    [InlineData(1867, "인천10사7286")]
    public void A_small_bodys_ends_are_walked_clear_of_its_edges(int scene, string text) => BenchScenes.AssertReads(scene, text).Frame.Dispose();

    [Fact]
    public void A_stacked_plates_tail_in_a_two_line_body_is_not_reported() =>
        // 전남78배2929: a body of two-line aspect over the stacked plate's right part (its top 17 px above the plate).
        BenchScenes.AssertDoesNotRead(1622, "78배2929");

    [Fact]
    public void A_stacked_plates_tail_in_a_body_reaching_past_it_is_not_reported() =>
        // 광주27자0191: a body from 16 px left of the plate to 5 px past it holds the stacked name before 27자0191.
        BenchScenes.AssertDoesNotRead(1970, "27자0191");

    [Theory]
    // Three-digit plates read right on their lines and refused only by MayReport before (seed 10's 687, network 호 0.91;
    // seed 5's 103, whose other lines misread it): no stacked or two-line plate's tail has three class digits.
    [InlineData(10, 687, "521호6283")]
    [InlineData(5, 103, "511거0212")]
    public void A_three_digit_plate_is_reported_whatever_the_body_around_it(int seed, int scene, string text) =>
        BenchScenes.AssertReads(scene, text, seed: seed).Frame.Dispose();

    [Theory]
    // A body 100–200 (x), 22 px tall (single-line) or 50 (two-line); the reading's box starting at x.
    [InlineData(false, 105, "78배2929", true)] // the margin before a plate's class digits
    [InlineData(false, 120, "78배2929", false)] // 20 px of body before them: room for a stacked name
    [InlineData(false, 120, "서울78배2929", true)] // the stacked name read
    [InlineData(true, 105, "78배2929", false)] // class digits on a two-line body's main line
    [InlineData(true, 105, "123가4567", true)] // three class digits: no stacked or two-line plate's main line has them
    [InlineData(false, 120, "123가4567", true)]
    [InlineData(true, 105, "서울12가3456", true)]
    [InlineData(true, 105, "79DUG0", true)] // not Korean
    public void A_korean_reading_led_by_digits_is_refused_where_the_body_says_there_is_more(bool twoLine, int x, string text, bool reported)
    {
        var body = new PlateBody(true, twoLine, 100, 200, 50, 0, twoLine ? 100 : 72, 0);
        Assert.Equal(reported, PlateBodyRows.MayReport(body, new PlateReading(text, 0.9, x, 52, 90, 18, "kr")));
    }

    [Fact]
    public void A_white_plates_reading_led_by_digits_is_reported_from_a_body_of_two_line_aspect() =>
        // Seed 11's 417 54서1128 (motion-blurred, 108 px): read right (0.998) on a body 64 px tall, found wrongly over the
        // plate, and refused as a regional plate's tail before; its paint, measured white on the body row's inverted warp,
        // says no region name is on it.
        BenchScenes.AssertReads(417, "54서1128", seed: 11).Frame.Dispose();

    [Theory]
    // The same bodies around a plate whose colour no regional plate has (white, blue): its class digits lead it.
    [InlineData(false, 120, "78가2929")]
    [InlineData(true, 105, "78가2929")]
    public void A_reading_led_by_digits_on_a_plate_no_region_name_is_issued_on_is_reported(bool twoLine, int x, string text)
    {
        var body = new PlateBody(true, twoLine, 100, 200, 50, 0, twoLine ? 100 : 72, 0);
        var reading = new PlateReading(text, 0.9, x, 52, 90, 18, "kr");
        Assert.False(PlateBodyRows.MayReport(body, reading));
        Assert.True(PlateBodyRows.MayReport(body, reading, nameless: true));
    }
}
