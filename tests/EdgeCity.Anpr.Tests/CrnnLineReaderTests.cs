using EdgeCity.Anpr.LineRecognition;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Plates;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// The line network (CRNN) alone reads rendered plates the simulated camera blurs: horizontal motion glues their
/// characters, which segmentation cannot cut apart, but a line read as a whole does not need cutting.
/// </summary>
public class CrnnLineReaderTests
{
    private static readonly RecognizerOptions CrnnOnly = new() { LineReader = LineReaderMode.Crnn };

    private static (IReadOnlyList<PlateReading> Crnn, IReadOnlyList<PlateReading> Glyphs, SyntheticScene Scene) Read(PlateSpec plate, double motionPx, int renderSeed)
    {
        var conditions = new SceneConditions
        {
            Plate = plate, PlateWidthPx = plate.Style == PlateStyle.KrRegionalTwoLine ? 170 : 220, YawDeg = 8, PitchDeg = 6,
            MotionBlurPx = motionPx, JpegQuality = 80, Grille = true, FontFace = 0, RenderSeed = renderSeed,
        };
        using var generator = new SceneGenerator(1);
        SyntheticScene scene = generator.Render(0, conditions);
        using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
        using var crnn = new PlateRecognizer(RegionProfile.Load(plate.RegionProfile), CrnnOnly);
        using var glyphs = new PlateRecognizer(RegionProfile.Load(plate.RegionProfile), new RecognizerOptions { LineReader = LineReaderMode.Glyphs });
        return (crnn.Read(frame), glyphs.Read(frame), scene);
    }

    // Before the merge with the segmentation repairs (wip/anseg) the glyph reader read none of the Korean ones (blur-glued
    // characters); a stacked region name under 4-5 px of motion is where the line network fails (docs/anpr.md).
    [Theory]
    [InlineData(PlateStyle.KrThreeDigit, PlateColour.White, "123가4567", 4.0)]
    [InlineData(PlateStyle.KrTwoDigit, PlateColour.White, "12가3456", 6.0)]
    [InlineData(PlateStyle.KrTwoDigit, PlateColour.Blue, "47수8022", 5.0)]
    [InlineData(PlateStyle.KrRegionalTwoLine, PlateColour.Green, "부산34사7788", 4.0)]
    [InlineData(PlateStyle.Eu, PlateColour.White, "BAB1234", 4.0)]
    public void A_motion_blurred_plate_is_read_as_a_whole(PlateStyle style, PlateColour colour, string text, double motionPx)
    {
        var plate = new PlateSpec(style, colour, text, style == PlateStyle.Eu ? "D" : "kr", style == PlateStyle.Eu ? "B AB 1234" : null);
        var (crnn, glyphs, scene) = Read(plate, motionPx, 5);
        string context = $"{text}, motion {motionPx} px, render seed 5: line network read [{string.Join(", ", crnn.Select(r => r.Text))}], glyph reader [{string.Join(", ", glyphs.Select(r => r.Text))}]";
        Assert.True(crnn.Count == 1 && crnn[0].Text == text, context);
        PlateReading hit = crnn[0];
        Assert.True(hit.Confidence >= 0.9, context);
        var truth = scene.Plates[0].Box;
        Assert.InRange(hit.X + (hit.Width / 2), truth.Left, truth.Right);
        Assert.InRange(hit.Y + (hit.Height / 2), truth.Top, truth.Bottom);
    }

    [Fact]
    public void A_frame_without_a_plate_reads_nothing()
    {
        using var generator = new SceneGenerator(1);
        SyntheticScene scene = generator.Render(0, new SceneConditions { Plate = null, Signs = 3, Grille = true, RenderSeed = 4 });
        using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
        using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"), CrnnOnly);
        Assert.Empty(recognizer.Read(frame));
    }

    [Theory]
    // Bench scenes (generator seed 1) where the network read the line without its stacked region name, a valid
    // 12가3456 plate of another car, until the reader checked the name's place before the two leading digits.
    [InlineData(464, "42배5610")] // 울산42배5610
    [InlineData(540, "93아4086")] // 인천93아4086
    public void A_stacked_region_plate_is_not_reported_without_its_region(int index, string tail)
    {
        using var generator = new SceneGenerator(1);
        SyntheticScene scene = generator.Scene(index);
        using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
        using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"), CrnnOnly);
        var read = recognizer.Read(frame).Select(r => r.Text).ToList();
        Assert.True(!read.Contains(tail), $"scene {index} (seed 1) {scene.Conditions.Plate!.Text}: read [{string.Join(", ", read)}]");
    }

    [Fact]
    public void Out_of_range_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecognizerOptions { MinLineCharacterProbability = 1.5 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecognizerOptions { LineReader = (LineReaderMode)9 }.Validate());
    }
}
