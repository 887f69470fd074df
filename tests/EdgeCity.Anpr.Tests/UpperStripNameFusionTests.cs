using EdgeCity.Anpr.Reading;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// A far two-line plate's region name that the line network reads under its floor is read from both readers'
/// distributions over the names where both put the same name first (<c>UpperStripFusion.FusedName</c>): the glyph CNN
/// alone, on a name 5–7 px tall in the frame, was a coin toss (경북 0.56 / 전북 0.25) that confirmed nothing, and whole
/// plates the network read right were refused. Scenes of seed 4 lost on main e651478 ("right, but rejected").
/// </summary>
public class UpperStripNameFusionTests
{
    [Theory]
    [InlineData(28, "충남99누6624")] // green, 65 px: the network's 충남 0.46–0.68 on four lines, the CNN's 충남 0.36–0.40 (울산 0.18)
    [InlineData(405, "제주37아9271")] // yellow, 71 px: 제주 0.88 / the CNN's 제주 0.49 (세종 0.28)
    [InlineData(408, "경북43모1581")] // green, 61 px: 경북 0.38–0.65 / the CNN's 경북 0.50–0.56 (전북 0.25–0.28)
    public void A_far_two_line_plates_name_both_readers_put_first_is_read(int scene, string plate)
    {
        BenchScenes.AssertReads(scene, plate, seed: 4).Frame.Dispose();
    }

    private static ReadGlyph NetworkName(string name, float p, params (string Name, float P)[] alternatives) =>
        new(default, name, p, 0, alternatives.ToDictionary(a => a.Name, a => a.P));

    [Fact]
    public void The_name_both_readers_put_first_is_fused()
    {
        ReadGlyph? fused = UpperStripFusion.FusedName(NetworkName("경북", 0.6f, ("경북", 0.8f), ("전북", 0.2f)),
            new Dictionary<string, float> { ["R:경북"] = 0.5f, ["R:전북"] = 0.25f, ["R:충북"] = 0.05f });
        Assert.NotNull(fused);
        Assert.Equal("경북", fused.Value.Label);
        Assert.True(fused.Value.Probability > 0.8f, $"fused {fused.Value.Probability}");
    }

    [Theory]
    [InlineData("R:전북", 0.5f, "R:경북", 0.4f)] // the CNN puts another name first: the product would follow the more peaked reader
    [InlineData("R:경북", 0.25f, "R:전북", 0.05f)] // the CNN's first name under the confirming floor: it sees no name there
    public void A_name_the_glyph_cnn_does_not_put_first_surely_is_not_fused(string first, float p1, string second, float p2)
    {
        ReadGlyph network = NetworkName("경북", 0.6f, ("경북", 0.95f), ("전북", 0.05f));
        Assert.Null(UpperStripFusion.FusedName(network, new Dictionary<string, float> { [first] = p1, [second] = p2 }));
    }
}
