namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Motion-blurred plates whose class Hangul the line network reads under its 0.9 floor and the glyph classifier cannot
/// confirm: on the 2,000 benchmark scenes such readings (every other character ≥ 0.9, the Hangul ≥ 0.4) were right 8
/// times and wrong 15 (아/하, 아/마, 너/나, 부/무, 머/어, 바/마), and the network's own second choice in that column
/// did not tell them apart. A wrong plate on a watch list costs more than a missed one: they stay refused.
/// </summary>
public class BlurredClassHangulRefusalTests
{
    [Theory]
    [InlineData(16, "07아1176")] // 07하1176: 아 at 0.60
    [InlineData(845, "637하8520")] // 637라8520: one row reads 하 at 0.51, another 라 at 0.43
    [InlineData(251, "464아0204")] // 464마0204, read right by the glyph reader: the network's 아 at 0.74
    public void An_unconfirmed_blurred_class_hangul_of_the_line_network_is_not_reported(int scene, string wrong)
    {
        BenchScenes.AssertDoesNotRead(scene, wrong);
    }
}
