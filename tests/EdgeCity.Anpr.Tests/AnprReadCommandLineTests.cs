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
        var conditions = new SceneConditions
        {
            Plate = new CameraSim.Plates.PlateSpec(CameraSim.Plates.PlateStyle.KrThreeDigit, CameraSim.Plates.PlateColour.White, "123가4567", "kr"),
            PlateWidthPx = 240, YawDeg = -8, JpegQuality = 85, RenderSeed = 3,
        };
        using var generator = new SceneGenerator(1);
        SyntheticScene scene = generator.Render(0, conditions);
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
    public async Task An_unknown_region_is_refused_before_reading()
    {
        var (exit, _, stderr) = await AnprCli.RunAsync("anpr", "read", "--region", "us", "x.jpg");
        Assert.Equal(2, exit);
        Assert.Contains("unknown region 'us'", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
