using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Plates;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>The benchmark's failure analysis names the stage that lost a plate.</summary>
public class StageDiagnosisTests
{
    private const int RenderSeed = 11;

    [Fact]
    public void A_plate_read_in_good_conditions_passes_every_stage()
    {
        var (frame, corners) = Render(new PlateSpec(PlateStyle.KrThreeDigit, PlateColour.White, "123가4567", "kr"));
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            // Every stage up to reporting succeeds on the true plate, so all that is left is "suppressed".
            StageDiagnosis d = recognizer.Diagnose(frame, corners, "123가4567", KoreanLayouts.DigitsHangulDigits);
            Assert.True(d.Stage == StageDiagnosis.Suppressed, $"stage {d.Stage} ({d.Detail}), render seed {RenderSeed}");
        }
    }

    [Fact]
    public void A_plate_painted_over_is_lost_at_detection()
    {
        var (frame, corners) = Render(new PlateSpec(PlateStyle.KrThreeDigit, PlateColour.White, "123가4567", "kr"));
        using (frame)
        {
            // A blank plate: the quadrilateral filled with the plate's background, no characters left to find.
            Cv2.FillConvexPoly(frame, corners.Select(c => new Point((int)c.X, (int)c.Y)).ToArray(), new Scalar(238, 244, 244));
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            StageDiagnosis d = recognizer.Diagnose(frame, corners, "123가4567", KoreanLayouts.DigitsHangulDigits);
            Assert.True(d.Stage == StageDiagnosis.NoRow, $"stage {d.Stage} ({d.Detail}), render seed {RenderSeed}");
        }
    }

    [Fact]
    public void A_digit_the_classifier_reads_otherwise_is_lost_at_classification()
    {
        var (frame, corners) = Render(new PlateSpec(PlateStyle.KrThreeDigit, PlateColour.White, "123가4567", "kr"));
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            // Told the third digit is an 8, the boxes still align with the text and the classifier reads a 3 there.
            StageDiagnosis d = recognizer.Diagnose(frame, corners, "128가4567", KoreanLayouts.DigitsHangulDigits);
            Assert.True(d.Stage == StageDiagnosis.Classifier, $"stage {d.Stage} ({d.Detail}), render seed {RenderSeed}");
            Assert.StartsWith("8→3", d.Detail, StringComparison.Ordinal);
        }
    }

    private static (Mat Frame, Point2f[] Corners) Render(PlateSpec plate)
    {
        var conditions = new SceneConditions
        {
            Plate = plate, PlateWidthPx = 230, YawDeg = 12, PitchDeg = 8, JpegQuality = 90, Signs = 1, Grille = true, FontFace = 0, RenderSeed = RenderSeed,
        };
        using var generator = new SceneGenerator(1);
        SyntheticScene scene = generator.Render(0, conditions);
        return (Cv2.ImDecode(scene.Jpeg, ImreadModes.Color), scene.Plates[0].Corners.Select(c => new Point2f(c.X, c.Y)).ToArray());
    }
}
