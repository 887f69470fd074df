namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A two-line plate whose upper strip the line network reads under its character floor: the strip's characters have no
/// place on the main line for the glyph CNN to be shown, but the glyph reader's own layouts cut and read the strip, and
/// where its reading of the line is the same text, at ≥ 0.3 and no coin toss there, the strip is confirmed
/// (<c>PlateRecognizer.UpperStripSeen</c>). A bench scene lost on main ccf6fc4.
/// </summary>
public class UpperStripSeenTests
{
    [Fact]
    public void An_upper_strip_the_network_reads_weakly_is_confirmed_by_the_glyph_reader_reading_the_same_plate()
    {
        // 강원64부4224, green, 65 px: the network reads 강원 under its floor (on the true main line's warp 0.64), the glyph
        // reader the same plate with R:강원 surer (0.89 there) and a weak class digit, under its own floor.
        BenchScenes.AssertReads(1131, "강원64부4224").Frame.Dispose();
    }
}
