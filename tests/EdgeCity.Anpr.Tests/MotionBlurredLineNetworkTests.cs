namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Motion-blurred plates of the benchmark that the line network fine-tuned on moving cars' lines reads (docs/anpr.md,
/// "The line network on motion-blurred plates"): before it, its reading of the class Hangul was too weak to report
/// (231바9512 for 231버9512 at 0.49) or it read no row of the plate whole. The glyph reader reads none of them (their
/// characters are blur-glued).
/// </summary>
public class MotionBlurredLineNetworkTests
{
    [Theory]
    [InlineData(842, "060거0096")] // blue, turned 24°, motion σ 1.8 px
    [InlineData(998, "231버9512")] // motion σ 1.4 px: 버 read as 바 before
    [InlineData(1645, "840누3611")] // turned 28°, motion σ 1.6 px: 누 at 0.76, unconfirmed, before
    public void Motion_blurred_plates_are_read_by_the_line_network(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }
}
