using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Sign text read as an EU plate (tuning seeds 2 and 3): a word whose letter O can only be read 0 (HOTEL as H0TEL) and a
/// price with its thousands comma (간 2,000 as H2000); and guards that real plates' readings and separators are untouched.
/// </summary>
public class SignTextRuleTests
{
    private static List<string> Read(int index, int seed, out string truth)
    {
        var (frame, plate) = BenchScenes.Load(index, seed);
        using (frame)
        {
            truth = plate.Plate.Text;
            using var recognizer = new PlateRecognizer(RegionProfile.Load(plate.Plate.RegionProfile));
            return recognizer.Read(frame).Select(r => r.Text).ToList();
        }
    }

    [Theory]
    [InlineData(2, 220, "H0TEL")] // a HOTEL sign beside EN564BC
    [InlineData(3, 15, "H2000")] // 1시간 2,000원 beside GV988AC
    public void A_sign_s_text_is_not_reported_and_the_plate_still_is(int seed, int index, string sign)
    {
        var read = Read(index, seed, out string truth);
        Assert.DoesNotContain(sign, read);
        Assert.Contains(truth, read);
    }

    [Theory]
    [InlineData("H0TEL", true)]
    [InlineData("B0X", true)]
    [InlineData("AB0CD12", false)] // other digits: a plate's groups
    [InlineData("AB00CD", false)] // a group of zeros
    [InlineData("0ABC", false)] // a zero at an end
    [InlineData("ABC10", false)]
    [InlineData("HOTEL", false)] // no digit at all (no valid EU format anyway)
    public void A_word_is_told_by_its_lone_zeros_between_letters(string text, bool word) =>
        Assert.Equal(word, WordWithLetterO.Is(text));

    [Fact]
    public void A_comma_on_the_baseline_is_a_number_s_separator_and_a_mid_height_hyphen_is_not()
    {
        List<GlyphBox> run = [new(10, 35, 18, 32), new(30, 35, 18, 32), new(56, 35, 18, 32), new(76, 35, 18, 32)];
        GlyphBox comma = new(49, 63, 5, 10), hyphen = new(49, 49, 6, 3), bolt = new(48, 46, 8, 8), dirt = new(49, 60, 5, 5);
        Assert.True(NumberSeparator.Between([.. run, comma], run));
        Assert.False(NumberSeparator.Between([.. run, hyphen], run));
        Assert.False(NumberSeparator.Between([.. run, bolt], run));
        Assert.False(NumberSeparator.Between([.. run, dirt], run)); // on the baseline but not hanging below it
        Assert.False(NumberSeparator.Between([.. run, new GlyphBox(90, 63, 5, 10)], run)); // beyond the run
    }
}
