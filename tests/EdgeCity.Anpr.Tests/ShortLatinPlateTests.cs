using EdgeCity.Anpr.Regions;

namespace EdgeCity.Anpr.Tests;

/// <summary>EU plates of three characters (the format allows 3 to 8) make a row of their own: the EU recognizer's rows need three characters, not four.</summary>
public class ShortLatinPlateTests
{
    [Theory]
    [InlineData(1390, "ZS7")] // 222 px wide, yaw −27°
    [InlineData(1686, "VL3")] // 279 px wide, in a frame glued to the rim
    public void A_three_character_plate_is_read(int scene, string text)
    {
        var (frame, truth) = BenchScenes.Load(scene);
        using (frame)
        {
            Assert.Equal(text, truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load("eu"));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.True(read.Contains(text), $"bench scene {scene} (seed {BenchScenes.Seed}): read [{string.Join(',', read)}], expected {text}");
        }
    }
}
