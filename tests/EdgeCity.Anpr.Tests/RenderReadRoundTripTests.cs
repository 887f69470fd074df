using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Plates;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>A plate of every format and colour, rendered by the simulated camera in good conditions, reads back exactly.</summary>
public class RenderReadRoundTripTests
{
    [Theory]
    [InlineData(PlateStyle.KrTwoDigit, PlateColour.White, "12가3456")]
    [InlineData(PlateStyle.KrTwoDigit, PlateColour.Blue, "47수8022")]
    [InlineData(PlateStyle.KrThreeDigit, PlateColour.White, "123가4567")]
    [InlineData(PlateStyle.KrThreeDigit, PlateColour.White, "301허7719")]
    [InlineData(PlateStyle.KrThreeDigit, PlateColour.Yellow, "158바2046")]
    [InlineData(PlateStyle.KrThreeDigit, PlateColour.Yellow, "902배3318")]
    [InlineData(PlateStyle.KrThreeDigit, PlateColour.Blue, "265모9050")]
    [InlineData(PlateStyle.KrRegionalTwoLine, PlateColour.Green, "서울12가3456")]
    [InlineData(PlateStyle.KrRegionalTwoLine, PlateColour.Yellow, "부산34사7788")]
    [InlineData(PlateStyle.KrRegionalStacked, PlateColour.Yellow, "서울32자6493")]
    [InlineData(PlateStyle.KrRegionalStacked, PlateColour.Yellow, "경기71아2580")]
    [InlineData(PlateStyle.Eu, PlateColour.White, "BAB1234")]
    [InlineData(PlateStyle.Eu, PlateColour.Yellow, "12XKN4")]
    public void A_rendered_plate_reads_back_exactly(PlateStyle style, PlateColour colour, string text)
    {
        string display = style == PlateStyle.Eu ? text == "BAB1234" ? "B AB 1234" : "12 XKN 4" : text;
        var plate = new PlateSpec(style, colour, text, style == PlateStyle.Eu ? "D" : "kr", style == PlateStyle.Eu ? display : null);
        var conditions = new SceneConditions
        {
            Plate = plate, PlateWidthPx = style == PlateStyle.KrRegionalTwoLine ? 170 : 230, YawDeg = 12, PitchDeg = 8,
            JpegQuality = 90, Signs = 1, Grille = true, FontFace = 0, RenderSeed = 11,
        };
        using var generator = new SceneGenerator(1);
        SyntheticScene scene = generator.Render(0, conditions);
        using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
        using var recognizer = new PlateRecognizer(RegionProfile.Load(plate.RegionProfile));
        var readings = recognizer.Read(frame);
        Assert.True(readings.Any(r => r.Text == text), $"{text}: read [{string.Join(", ", readings.Select(r => r.Text))}] (render seed 11)");
        PlateReading hit = readings.First(r => r.Text == text);
        // A stacked-region and a two-line plate have the same text; the format says which was read.
        string expected = style switch
        {
            PlateStyle.KrRegionalTwoLine => "kr-regional-two-line",
            PlateStyle.KrRegionalStacked => "kr-regional-stacked",
            PlateStyle.KrThreeDigit => "kr-3digit",
            PlateStyle.KrTwoDigit => "kr-2digit",
            _ => "eu-latin",
        };
        Assert.Equal(expected, hit.Format);
        var truth = scene.Plates[0].Box;
        Assert.InRange(hit.X + (hit.Width / 2), truth.Left, truth.Right);
        Assert.InRange(hit.Y + (hit.Height / 2), truth.Top, truth.Bottom);
    }

    [Fact]
    public void A_frame_without_a_plate_reads_nothing()
    {
        using var generator = new SceneGenerator(1);
        SyntheticScene scene = generator.Render(0, new SceneConditions { Plate = null, Signs = 3, RenderSeed = 4 });
        using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
        using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
        Assert.Empty(recognizer.Read(frame));
    }
}
