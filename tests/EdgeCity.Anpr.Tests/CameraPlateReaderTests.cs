using EdgeCity.Anpr.Camera;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Plates;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>A camera's frames through VideoCapture (an image sequence stands in for RTSP/V4L2), read and voted per vehicle.</summary>
public sealed class CameraPlateReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgecity-anpr-camera-").FullName;

    [Fact]
    public void A_car_approaching_over_six_frames_is_one_voted_plate()
    {
        var plate = new PlateSpec(PlateStyle.KrThreeDigit, PlateColour.White, "318가2742", "kr");
        using var generator = new SceneGenerator(1);
        for (int i = 0; i < 6; i++)
        {
            var c = new SceneConditions { Plate = plate, PlateWidthPx = 170 + (i * 15), YawDeg = 14 - (i * 2), JpegQuality = 80, RenderSeed = 21, NoiseSigma = 3 };
            File.WriteAllBytes(Path.Combine(_folder, $"frame{i:D3}.jpg"), generator.Render(i, c).Jpeg);
        }

        using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
        using var source = CameraSource.Open(Path.Combine(_folder, "frame%03d.jpg"));
        var votes = new CameraPlateReader(recognizer).Run(source).ToList();

        var vote = Assert.Single(votes);
        Assert.Equal("318가2742", vote.Text);
        Assert.True(vote.Frames >= 4, $"read in only {vote.Frames} of 6 frames");
    }

    [Fact]
    public void A_mask_that_excludes_the_plate_reads_nothing()
    {
        var plate = new PlateSpec(PlateStyle.KrThreeDigit, PlateColour.White, "318가2742", "kr");
        using var generator = new SceneGenerator(1);
        SyntheticScene scene = generator.Render(0, new SceneConditions { Plate = plate, PlateWidthPx = 200, YawDeg = 10, JpegQuality = 80, RenderSeed = 21, NoiseSigma = 3 });
        using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
        using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
        Assert.Contains(recognizer.Read(frame), r => r.Text == "318가2742");

        var box = scene.Plates[0].Box;
        int top = box.Bottom + 5;
        using Mat mask = RoiMask.Parse($"0,{top} 1279,{top} 1279,719 0,719").ToMat(frame.Size());
        Assert.DoesNotContain(recognizer.Read(frame, mask), r => r.Text == "318가2742");
    }

    [Fact]
    public void A_source_that_cannot_be_opened_says_what_it_was_taken_for() =>
        Assert.Contains("as a video file or image sequence", Assert.Throws<IOException>(() => CameraSource.Open(Path.Combine(_folder, "none.mp4"))).Message, StringComparison.Ordinal);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
