using EdgeCity.FontGenerator;
using EdgeCity.Testing;

namespace EdgeCity.Shelter.Tests;

public class ShelterFontTableTests
{
    private const string Nanum = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";
    private const string WenQuanYi = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    [Fact]
    public void The_committed_glyph_table_is_what_the_generator_makes_from_the_installed_fonts()
    {
        Assert.True(File.Exists(Nanum) && File.Exists(WenQuanYi), "fonts-nanum and fonts-wqy-microhei are installed by ./edgecity test (TEST_PACKAGES)");
        string display = Path.Combine(RepositoryFiles.Root, "firmware/EdgeCity.Firmware/Shelter/Display");
        string fresh = ShelterFontTable.Generate(Nanum, WenQuanYi, 15, File.ReadAllText(Path.Combine(display, "ShelterFontCharacters.txt")), out var missing);

        Assert.Empty(missing);
        Assert.Equal(File.ReadAllText(Path.Combine(display, "ShelterFont16.cs")), fresh);
    }
}
