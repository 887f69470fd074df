using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The glyph reader's weak class Hangul on a line the network read as digits alone is no plate's
/// (<see cref="NetworkSeesNoSyllable"/>): a shop sign's SALE 50% read 54도5096.
/// </summary>
public class NetworkSeesNoSyllableTests
{
    [Theory]
    [InlineData("54도5096", 0.31f, "565096", true)] // seed 3's 235: the sign
    [InlineData("54도5096", 0.31f, "545096", true)]
    [InlineData("54도5096", 0.62f, "565096", false)] // a sure syllable stands: the network may drop a blurred one
    [InlineData("54도5096", 0.31f, "54도5096", false)] // the network read a syllable there
    [InlineData("54도5096", 0.31f, "54", false)] // the network did not read the line through
    [InlineData("54도5096", 0.31f, null, false)] // nor at all
    [InlineData("5405096", 0.31f, "565096", false)] // a reading without a syllable is not asked
    public void A_weak_syllable_stands_only_where_the_network_read_one(string text, float syllable, string? network, bool refused)
    {
        var glyphs = text.Select((c, i) => new ReadGlyph(new GlyphBox(i * 20, 0, 20, 32), c.ToString(), c == '도' ? syllable : 0.95f, 0)).ToList();
        var reading = new LineReading(text, "digits-hangul-digits", 0, 0.7, new GlyphBox(0, 0, 20 * text.Length, 32), syllable, Glyphs: glyphs);
        LineReading? read = network is null ? null : new LineReading(network, "crnn", 0, 0.5, new GlyphBox(0, 0, 20 * network.Length, 32), 0.01);
        Assert.Equal(refused, NetworkSeesNoSyllable.Of(reading, read));
    }

    [Theory]
    [InlineData(235, 3)] // the stacked plate 전남32아5454 beside the sign
    [InlineData(907, 10)] // 광주78보0535: once the sign read nothing, the frame's second look found the far plate
    public void A_sale_sign_is_no_plate_and_the_plate_beside_it_is_read(int scene, int seed)
    {
        // SALE 50% read 54도5096 by the glyph reader alone (도 at 0.31; the network read 565096 or 545096).
        var read = BenchScenes.ReadTexts(scene, seed, out string truth);
        Assert.Contains(truth, read);
        Assert.DoesNotContain("54도5096", read);
    }
}
