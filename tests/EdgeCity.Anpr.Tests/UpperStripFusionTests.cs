namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A two-line plate's class digit that the line network reads under its floor is read from both readers' distributions
/// over the digits — the network's along its token's columns, the glyph CNN's on the digit's box on the upper line found
/// over the network's main line (<c>UpperStripFusion</c>) — instead of being confirmed or refused by the glyph CNN alone.
/// A bench scene lost on main 33e283a (its failure analysis: "segment").
/// </summary>
public class UpperStripFusionTests
{
    [Fact]
    public void A_weak_class_digit_both_readers_put_first_is_read()
    {
        // 경남08모1324, green, 75 px, sharp: the network reads its class 8 at 0.69–0.81 (every main-line character ≥ 0.99),
        // the glyph CNN the 8's box as 8 at 0.18–0.28 (most of the rest "not a glyph"): under the confirming floor (0.3), so
        // the plate was refused; the product over the digits is 8 at ≥ 0.99.
        BenchScenes.AssertReads(888, "경남08모1324").Frame.Dispose();
    }
}
