namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Motion-blurred plates of the benchmark whose characters the blur glued into runs that the segmenter's least-ink cuts
/// took apart in the wrong places (inside a 0's counter, between a Hangul's parts), so that neither reader read them; cut
/// again where the run's grey ink dips, at the pitch its height gives (<c>BlurredRunCutter</c>), the glyph reader reads
/// them. And a sign whose blurred text, cut at a plate's pitch, reads as a plate format, which must stay unreported.
/// </summary>
public class BlurredRunCutTests
{
    [Theory]
    [InlineData(792, "경북42사3708")] // stacked region plate, motion σ 2.2 px of the line
    [InlineData(998, "231버9512")] // 113 px wide, its 231 and 9512 glued runs
    public void A_blur_glued_run_cut_at_the_pitch_where_its_ink_dips_is_read(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void A_blurred_sign_cut_at_a_plate_s_pitch_is_not_read_as_a_plate()
    {
        // A shop sign beside 699어7629: its text cut into plate-pitch pieces reads 54도5096 at confidence 0.69, under the
        // 0.8 a re-cut reading must reach.
        BenchScenes.AssertDoesNotRead(1978, "54도5096");
    }
}
