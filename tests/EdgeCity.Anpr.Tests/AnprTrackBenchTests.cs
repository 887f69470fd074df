using System.Text.Json;
using EdgeCity.Anpr.Regions;
using EdgeCity.Anpr.Voting;
using EdgeCity.CameraSim.Scenes;
using EdgeCity.Cli.Benchmarks;
using EdgeCity.Cli.Benchmarks.AnprTrackBench;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// <c>bench anpr-track</c>: a car seen in several frames as it comes nearer (<see cref="PassingCar"/>), its readings
/// voted by a <see cref="PlateVoteTracker"/>.
/// </summary>
public class AnprTrackBenchTests
{
    [Fact]
    public void A_passing_car_is_the_scene_in_its_middle_frame_and_nearer_each_frame()
    {
        using var generator = new SceneGenerator(BenchScenes.Seed);
        SceneConditions scene = generator.Conditions(16);
        IReadOnlyList<SceneConditions> frames = PassingCar.Frames(scene, 5);
        Assert.Equal(5, frames.Count);
        Assert.Equal(scene, frames[2]);
        for (int k = 1; k < frames.Count; k++)
        {
            Assert.Equal(PassingCar.Growth, frames[k].PlateWidthPx / frames[k - 1].PlateWidthPx, 9);
            Assert.Equal(PassingCar.Growth, frames[k].MotionBlurPx / frames[k - 1].MotionBlurPx, 9);
            Assert.InRange(frames[k].YawDeg, -30, 30);
            Assert.Equal(scene with { PlateWidthPx = 0, MotionBlurPx = 0, YawDeg = 0 }, frames[k] with { PlateWidthPx = 0, MotionBlurPx = 0, YawDeg = 0 });
        }
    }

    [Fact]
    public void A_car_one_frame_loses_is_read_by_the_vote_over_its_frames()
    {
        // Bench scene 16 (seed 1): 07하1176, white, 102 px, motion-blurred 2.1 px — bench anpr's frame reads nothing
        // (the network's reading refused for an ambiguous glyph on a light body); the car's other frames read it.
        using var generator = new SceneGenerator(BenchScenes.Seed);
        SceneConditions scene = generator.Conditions(16);
        Assert.Equal("07하1176", scene.Plate!.Text);
        using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
        var tracker = new PlateVoteTracker(recognizer.Profile);
        var read = new List<List<string>>();
        IReadOnlyList<SceneConditions> frames = PassingCar.Frames(scene, 5);
        for (int k = 0; k < frames.Count; k++)
        {
            using Mat frame = Cv2.ImDecode(generator.Render(16, frames[k]).Jpeg, ImreadModes.Color);
            IReadOnlyList<PlateReading> readings = recognizer.Read(frame);
            read.Add([.. readings.Select(r => r.Text)]);
            tracker.Observe(k, readings);
        }

        string seen = string.Join(" | ", read.Select(r => string.Join(',', r)));
        Assert.True(read[2].Count == 0, $"the middle frame (bench anpr's scene) read: {seen}");
        Assert.Equal(["07하1176"], tracker.Flush().Select(v => v.Text));
    }

    [Fact]
    public void A_reduced_run_reads_every_frame_of_every_car_and_ends_with_its_json_line()
    {
        var output = new StringWriter();
        var (voted, frames, exit) = AnprTrackBenchmark.Run(BenchScenes.Seed, 10, 3, output, CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Equal(10, voted.Scenes);
        Assert.Equal(30, frames.Scenes);
        Assert.True(voted.ExactRate >= 0.9, $"voted exact {voted.ExactRate:F3}\n{output}");
        using JsonDocument json = JsonDocument.Parse(output.ToString().TrimEnd().Split('\n')[^1]);
        Assert.Equal("anpr-track", json.RootElement.GetProperty("bench").GetString());
        Assert.Equal(10, json.RootElement.GetProperty("vehicles").GetInt32());
        Assert.Equal(voted.ExactRate, json.RootElement.GetProperty("voted_exact").GetDouble(), 4);
        Assert.Equal(frames.ExactRate, json.RootElement.GetProperty("frame_exact").GetDouble(), 4);
    }
}
