using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Motion-blurred plates of the benchmark that neither reader read from their row's usual rectification (the first
/// warp's glued runs moved the refitted lines: rectification crooked or cut, boxes not the text), read in the row's
/// second chance, rectified again with its first warp deblurred (<c>BlurredSecondChance</c>).
/// </summary>
public class BlurredSecondChanceTests
{
    [Theory]
    [InlineData(1458, "142사9212")] // rectification crooked before, motion σ 2.2 px of the frame
    [InlineData(66, "광주27자3513")] // stacked region, motion σ 2.4 px: the usual warp's reading was refused
    [InlineData(586, "부산86가9478")] // two-line regional, motion σ 2.2 px
    public void A_blurred_row_read_nowhere_is_read_with_its_first_warp_deblurred(int scene, string text)
    {
        BenchScenes.AssertReads(scene, text).Frame.Dispose();
    }

    [Fact]
    public void A_blurred_eu_row_read_nowhere_is_read_with_its_first_warp_deblurred()
    {
        BenchScenes.AssertReads(1254, "71UCH0", "eu").Frame.Dispose();
    }

    [Theory]
    [InlineData(0.0, 7, false)] // a sharp line: no estimate was kept
    [InlineData(1.19, 7, false)]
    [InlineData(1.2, 7, true)] // MotionDeblur's own floor: what the final warp deblurred
    [InlineData(3.5, 9, true)]
    [InlineData(3.5, 3, false)] // a blurred row where neither reader read a plate's worth of text: a sign, a grille
    public void Only_a_final_warp_that_showed_motion_blur_and_read_text_gets_a_second_chance(double motionBlur, int textRead, bool applies)
    {
        Assert.Equal(applies, BlurredSecondChance.Applies(motionBlur, textRead));
    }
}
