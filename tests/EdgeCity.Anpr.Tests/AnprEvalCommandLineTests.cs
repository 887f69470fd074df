using System.Text.Json;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// <c>edgecity anpr eval</c> as a process on folders in OpenALPR's benchmark format: <c>anpr scenes</c> writes one,
/// and eval's score must be what the recognizer reads in those files; a bad truth line is named by file and line.
/// </summary>
public sealed class AnprEvalCommandLineTests : IDisposable
{
    private const int Seed = 21;
    private readonly string _folder = Directory.CreateTempSubdirectory("edgecity-anpr-eval-").FullName;

    [Fact]
    public async Task Eval_scores_the_photos_of_openalpr_style_truth_files_as_the_recognizer_reads_them()
    {
        var (exit, _, stderr) = await AnprCli.RunAsync("anpr", "scenes", "--out", _folder, "--count", "12", "--seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, stderr);
        string[] krTruth = Directory.GetFiles(_folder, "*.kr.txt");
        Assert.NotEmpty(krTruth);

        // What eval must find: the recognizer's own reading of each photo its kr truth names (exact, and the characters
        // of the closest reading — weighted by plate length, so not bounded by the exact rate: an unread 11-character
        // two-line plate weighs more than a read 7-character one).
        int expectedExact = 0, trueCharacters = 0, correctCharacters = 0;
        using (var recognizer = new PlateRecognizer(Regions.RegionProfile.Load("kr")))
        {
            foreach (string truth in krTruth)
            {
                string[] fields = File.ReadAllLines(truth)[0].Split('\t');
                Assert.Equal(6, fields.Length);
                using Mat frame = Cv2.ImRead(Path.Combine(_folder, fields[0]));
                var texts = recognizer.Read(frame).Select(r => r.Text).ToList();
                if (texts.Contains(fields[5])) expectedExact++;
                trueCharacters += fields[5].Length;
                correctCharacters += Math.Max(0, fields[5].Length - (texts.Count == 0 ? fields[5].Length : texts.Min(t => TextDistance.Levenshtein(fields[5], t))));
            }
        }

        string stdout;
        (exit, stdout, stderr) = await AnprCli.RunAsync("anpr", "eval", "--region", "kr", _folder);
        Assert.True(exit == 0, $"seed {Seed}: {stderr}");
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var summary = JsonDocument.Parse(lines[^1]);
        JsonElement json = summary.RootElement;
        Assert.Equal("anpr", json.GetProperty("eval").GetString());
        Assert.Equal(krTruth.Length, json.GetProperty("photos").GetInt32());
        Assert.Equal(expectedExact / (double)krTruth.Length, json.GetProperty("exact").GetDouble(), 3);
        Assert.Equal(correctCharacters / (double)trueCharacters, json.GetProperty("char_accuracy").GetDouble(), 3);
        Assert.True(json.GetProperty("median_ms").GetDouble() > 0);
        Assert.Equal(krTruth.Length, lines.Count(l => l.StartsWith("scene-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_bad_truth_line_or_a_missing_photo_is_named_and_fails_the_run_without_stopping_it()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "eu1.txt"), "eu1.jpg\t396\t340\t203\tforty\tM5XSX\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "eu2.txt"), "eu2.jpg\t10\t10\t100\t30\tAB123CD\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "eu3.txt"), "eu3.jpg 10 10 100 30 AB123CD\n");
        using (var generator = new SceneGenerator(Seed))
        {
            var conditions = new SceneConditions
            {
                Plate = new CameraSim.Plates.PlateSpec(CameraSim.Plates.PlateStyle.Eu, CameraSim.Plates.PlateColour.White, "PP587AO", "eu"),
                PlateWidthPx = 260, JpegQuality = 90, RenderSeed = 4,
            };
            SyntheticScene scene = generator.Render(0, conditions);
            await File.WriteAllBytesAsync(Path.Combine(_folder, "test_001.jpg"), scene.Jpeg);
            var box = scene.Plates[0].Box;
            await File.WriteAllTextAsync(Path.Combine(_folder, "test_001.txt"), $"test_001.jpg\t{box.Left}\t{box.Top}\t{box.Width}\t{box.Height}\tPP 587-AO\n");
        }

        var (exit, stdout, stderr) = await AnprCli.RunAsync("anpr", "eval", "--region", "eu", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("eu1.txt:1: field 5 'forty' (expected a whole number of pixels", stderr, StringComparison.Ordinal);
        Assert.Contains("eu2.jpg: no such file (named by its truth file)", stderr, StringComparison.Ordinal);
        Assert.Contains("eu3.txt:1: 1 tab-separated fields (expected 6", stderr, StringComparison.Ordinal);
        Assert.Contains("test_001.jpg                 PP587AO ", stdout, StringComparison.Ordinal); // spaces and dashes of the truth dropped
        using var summary = JsonDocument.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal(1, summary.RootElement.GetProperty("photos").GetInt32());
        using var recognizer = new PlateRecognizer(Regions.RegionProfile.Load("eu"));
        using Mat frame = Cv2.ImRead(Path.Combine(_folder, "test_001.jpg"));
        Assert.Equal(recognizer.Read(frame).Any(r => r.Text == "PP587AO") ? 1.0 : 0.0, summary.RootElement.GetProperty("exact").GetDouble());
        Assert.Equal(3, summary.RootElement.GetProperty("problems").GetInt32());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
