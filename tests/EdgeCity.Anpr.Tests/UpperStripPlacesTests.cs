namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A two-line plate whose upper strip the line network reads under its character floor, where the glyph reader reads
/// the line otherwise (so <c>UpperStripSeen</c> has no reading of the same text to go by): the segmenter's upper line
/// over the network's main line gives the strip's characters places, and the glyph CNN, shown the weak one there,
/// confirms it (<c>UpperStripPlaces</c>). A bench scene lost on main d190de9 (its failure analysis: "segment").
/// </summary>
public class UpperStripPlacesTests
{
    [Fact]
    public void A_weak_upper_strip_character_is_confirmed_on_the_upper_line_found_over_the_network_s_main_line()
    {
        // 인천03두7155, green, 68 px: the network reads the main line at ≥ 0.99 and 인천 at 0.66; the glyph reader reads
        // nothing there.
        BenchScenes.AssertReads(688, "인천03두7155").Frame.Dispose();
    }

    [Fact]
    public void Class_digits_glued_into_a_box_about_as_wide_as_tall_are_cut_in_two()
    {
        // 충남36버1363, green, 74 px, 26° of yaw: its 36 is one box 20 px wide and 19 tall; cut in two, the upper line is
        // found over the network's main line and the glyph CNN confirms the network's 6 (0.69).
        BenchScenes.AssertReads(1287, "충남36버1363").Frame.Dispose();
    }
}
