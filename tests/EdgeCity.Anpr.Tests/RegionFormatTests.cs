using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Plates;

namespace EdgeCity.Anpr.Tests;

public class RegionFormatTests
{
    private static readonly RegionProfile Kr = RegionProfile.Load("kr");
    private static readonly RegionProfile Eu = RegionProfile.Load("eu");

    [Theory]
    [InlineData("12가3456", "kr-2digit")]
    [InlineData("123가4567", "kr-3digit")]
    [InlineData("98주0001", "kr-2digit")]
    [InlineData("123바4567", "kr-3digit")]
    [InlineData("45사1234", "kr-2digit")]
    [InlineData("321아9999", "kr-3digit")]
    [InlineData("77자0000", "kr-2digit")]
    [InlineData("12하3456", "kr-2digit")]
    [InlineData("123허4567", "kr-3digit")]
    [InlineData("12호3456", "kr-2digit")]
    [InlineData("123배4567", "kr-3digit")]
    [InlineData("서울32자6493", "kr-regional-stacked")]
    [InlineData("경기12가3456", "kr-regional-stacked")]
    [InlineData("제주99배1234", "kr-regional-stacked")]
    public void Every_kr_format_and_use_class_is_valid(string text, string format) =>
        Assert.Equal(format, Kr.Validate(text)?.Name);

    [Theory]
    [InlineData("12가345")]
    [InlineData("1234가5678")]
    [InlineData("1가3456")]
    [InlineData("12A3456")]
    [InlineData("12햐3456")]
    [InlineData("평양12가3456")]
    [InlineData("서울123가4567")]
    [InlineData("")]
    public void Texts_outside_the_kr_formats_are_rejected(string text) => Assert.Null(Kr.Validate(text));

    [Fact]
    public void Two_line_and_stacked_regional_plates_read_alike_and_both_formats_exist()
    {
        Assert.Contains(Kr.Formats, f => f.Layout == "two-line-region" && f.Matches("서울12가3456"));
        Assert.Contains(Kr.Formats, f => f.Layout == "stacked-region" && f.Matches("서울12가3456"));
    }

    [Fact]
    public void Every_plate_the_simulated_camera_draws_is_valid_in_its_region()
    {
        var random = new Random(5);
        foreach (PlateStyle style in Enum.GetValues<PlateStyle>())
        {
            for (int i = 0; i < 200; i++)
            {
                PlateSpec plate = PlateTextGenerator.Next(style, random);
                RegionProfile profile = plate.RegionProfile == "kr" ? Kr : Eu;
                Assert.True(profile.Validate(plate.Text) is not null, $"{style} {plate.Text} is not valid in {profile.Name} (seed 5, plate {i})");
            }
        }
    }

    [Theory]
    [InlineData("BAB1234")]
    [InlineData("AB123CD")]
    [InlineData("12ABC3")]
    public void Eu_plates_are_latin_letters_and_digits(string text) => Assert.NotNull(Eu.Validate(text));

    [Theory]
    [InlineData("EXIT")]
    [InlineData("1234")]
    [InlineData("12가3456")]
    [InlineData("AB")]
    public void Eu_rejects_texts_without_both_letters_and_digits_or_in_another_script(string text) => Assert.Null(Eu.Validate(text));

    [Fact]
    public void A_profile_with_an_unknown_glyph_class_names_the_file_and_field()
    {
        const string json = """{"region":"x","glyphClasses":{"digit":"0123456789"},"formats":[{"name":"f","layout":"latin-line","pattern":"{letter}{3}","example":"ABC"}]}""";
        var error = Assert.Throws<InvalidDataException>(() => RegionProfileLoader.Parse(json, "Regions/x.json"));
        Assert.Contains("Regions/x.json: formats[0].pattern: unknown glyph class 'letter'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("white", false)] // Korea's white and blue plates carry no region name
    [InlineData("blue", false)]
    [InlineData("yellow", true)] // stacked or two-line commercial plates
    [InlineData("green", true)] // the older two-line private plates
    public void Only_green_and_yellow_korean_plates_may_carry_a_region_name(string colour, bool named)
    {
        Assert.Equal(named, Kr.MayCarryRegionName(colour));
        Assert.False(Eu.MayCarryRegionName(colour)); // no EU format names a region
    }

    [Fact]
    public void A_format_with_an_unknown_colour_names_the_file_and_field()
    {
        const string json = """{"region":"x","glyphClasses":{"digit":"0123456789"},"formats":[{"name":"f","layout":"latin-line","pattern":"{digit}{3}","example":"123","colours":["white","purple"]}]}""";
        var error = Assert.Throws<InvalidDataException>(() => RegionProfileLoader.Parse(json, "Regions/x.json"));
        Assert.Contains("Regions/x.json: formats[0].colours: unknown colour \"purple\" (expected one of: white, yellow, blue, green)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_region_is_refused_with_the_known_ones() =>
        Assert.Contains("kr, eu", Assert.Throws<ArgumentException>(() => RegionProfile.Load("us")).Message, StringComparison.Ordinal);
}
