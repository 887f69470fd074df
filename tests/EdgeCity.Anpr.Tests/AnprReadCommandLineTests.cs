using System.Text.Json;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary><c>edgecity anpr read</c> as a process: one JSON line per file, errors as JSON lines, the exit code.</summary>
public sealed class AnprReadCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgecity-anpr-read-").FullName;

    [Fact]
    public async Task Jpeg_and_png_are_read_and_garbage_or_missing_files_are_json_errors_with_a_failing_exit()
    {
        SyntheticScene scene = Scene(CameraSim.Plates.PlateStyle.KrThreeDigit, "123가4567", yawDeg: -8, renderSeed: 3);
        string jpeg = Path.Combine(_folder, "car.jpg"), png = Path.Combine(_folder, "car.png"), garbage = Path.Combine(_folder, "garbage.jpg");
        await File.WriteAllBytesAsync(jpeg, scene.Jpeg);
        using (Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color)) Cv2.ImWrite(png, frame);
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 37))]);
        string missing = Path.Combine(_folder, "missing.png");

        var (exit, stdout, stderr) = await AnprCli.RunAsync("anpr", "read", "--region", "kr", jpeg, png, garbage, missing);

        Assert.Equal(1, exit);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 4, $"expected 4 JSON lines, got:\n{stdout}\n{stderr}");
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(jpeg, first.RootElement.GetProperty("file").GetString());
        Assert.Contains(first.RootElement.GetProperty("plates").EnumerateArray(), p => p.GetProperty("text").GetString() == "123가4567");
        Assert.Equal(4, first.RootElement.GetProperty("plates")[0].GetProperty("box").GetArrayLength());
        Assert.True(first.RootElement.GetProperty("ms").GetDouble() > 0);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Contains(second.RootElement.GetProperty("plates").EnumerateArray(), p => p.GetProperty("text").GetString() == "123가4567");
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Contains("not an image", third.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var fourth = JsonDocument.Parse(lines[3]);
        Assert.Equal("no such file", fourth.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Pngs_of_every_depth_and_channel_count_and_odd_jpegs_are_read_or_reported_never_a_crash()
    {
        SyntheticScene scene = Scene(CameraSim.Plates.PlateStyle.KrTwoDigit, "34나5678", yawDeg: 6, renderSeed: 5);
        using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
        string Path_(string name) => Path.Combine(_folder, name);
        // What cameras and photo tools write besides 8-bit colour: 16-bit PNG, grey PNG, PNG with an alpha channel.
        using (var deep = new Mat()) { frame.ConvertTo(deep, MatType.CV_16UC3, 257); Cv2.ImWrite(Path_("deep16.png"), deep); }
        using (var grey = new Mat()) { Cv2.CvtColor(frame, grey, ColorConversionCodes.BGR2GRAY); Cv2.ImWrite(Path_("grey.png"), grey); }
        using (var alpha = new Mat()) { Cv2.CvtColor(frame, alpha, ColorConversionCodes.BGR2BGRA); Cv2.ImWrite(Path_("alpha.png"), alpha); }
        // A single pixel, and a JPEG cut off half way (a camera's upload interrupted).
        using (var pixel = new Mat(1, 1, MatType.CV_8UC3, Scalar.White)) Cv2.ImWrite(Path_("pixel.png"), pixel);
        await File.WriteAllBytesAsync(Path_("cut.jpg"), scene.Jpeg[..(scene.Jpeg.Length / 2)]);
        string[] files = ["deep16.png", "grey.png", "alpha.png", "pixel.png", "cut.jpg"];

        var (exit, stdout, stderr) = await AnprCli.RunAsync(["anpr", "read", "--region", "kr", .. files.Select(Path_)]);

        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == files.Length, $"expected {files.Length} JSON lines, got:\n{stdout}\n{stderr}");
        var read = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        for (int i = 0; i < 3; i++)
        {
            Assert.Contains(read[i].GetProperty("plates").EnumerateArray(), p => p.GetProperty("text").GetString() == "34나5678");
        }

        Assert.Empty(read[3].GetProperty("plates").EnumerateArray());
        // The cut JPEG: OpenCV decodes what arrived (the rest grey) or refuses it; either way a JSON line, and the exit
        // code says whether any file failed.
        bool cutFailed = read[4].TryGetProperty("error", out _);
        Assert.True(cutFailed || read[4].TryGetProperty("plates", out _), lines[4]);
        Assert.Equal(cutFailed ? 1 : 0, exit);
    }

    [Fact]
    public async Task An_unknown_region_is_refused_before_reading()
    {
        var (exit, _, stderr) = await AnprCli.RunAsync("anpr", "read", "--region", "us", "x.jpg");
        Assert.Equal(2, exit);
        Assert.Contains("unknown region 'us'", stderr, StringComparison.Ordinal);
    }

    // A frame with one white Korean plate 240 px wide, JPEG at quality 85.
    private static SyntheticScene Scene(CameraSim.Plates.PlateStyle style, string text, double yawDeg, int renderSeed)
    {
        var conditions = new SceneConditions
        {
            Plate = new CameraSim.Plates.PlateSpec(style, CameraSim.Plates.PlateColour.White, text, "kr"),
            PlateWidthPx = 240, YawDeg = yawDeg, JpegQuality = 85, RenderSeed = renderSeed,
        };
        using var generator = new SceneGenerator(1);
        return generator.Render(0, conditions);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
