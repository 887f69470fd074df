using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Scenes;
using OpenCvSharp;

namespace EdgeCity.Anpr.Tests;

/// <summary>
/// Single scenes of the benchmark's run (<c>bench anpr</c>, seed 1), by number: plates that a fix made readable. Scenes
/// of another seed (<c>bench anpr --seed 2</c>: scenes no rule was tuned on) where a test says so.
/// </summary>
internal static class BenchScenes
{
    /// <summary>The benchmark's seed.</summary>
    public const int Seed = 1;

    /// <summary>Scene <paramref name="index"/> (of <paramref name="seed"/>'s run) decoded as the benchmark reads it, and its true plate.</summary>
    public static (Mat Frame, PlateTruth Truth) Load(int index, int seed = Seed)
    {
        using var generator = new SceneGenerator(seed);
        SyntheticScene scene = generator.Scene(index);
        return (Cv2.ImDecode(scene.Jpeg, ImreadModes.Color), scene.Plates[0]);
    }

    /// <summary>The texts the recognizer of scene <paramref name="index"/>'s own plate's region reads there (of <paramref name="seed"/>'s run), and its true plate.</summary>
    public static List<string> ReadTexts(int index, int seed, out string truth)
    {
        var (frame, plate) = Load(index, seed);
        using (frame)
        {
            truth = plate.Plate.Text;
            using var recognizer = new PlateRecognizer(RegionProfile.Load(plate.Plate.RegionProfile));
            return recognizer.Read(frame).Select(r => r.Text).ToList();
        }
    }

    /// <summary>Asserts that the <paramref name="region"/> recognizer (Korean unless told) reads <paramref name="text"/> in scene <paramref name="index"/>; returns the frame and truth.</summary>
    public static (Mat Frame, PlateTruth Truth) AssertReads(int index, string text, string region = "kr", int seed = Seed)
    {
        var (frame, truth) = Load(index, seed);
        Assert.Equal(text, truth.Plate.Text);
        using var recognizer = new PlateRecognizer(RegionProfile.Load(region));
        var read = recognizer.Read(frame).Select(r => r.Text).ToList();
        Assert.True(read.Contains(text), $"bench scene {index} (seed {seed}): read [{string.Join(',', read)}], expected {text}");
        return (frame, truth);
    }

    /// <summary>
    /// Asserts that the Korean recognizer reads <paramref name="text"/> in scene <paramref name="index"/> and that the
    /// failure analysis, told the plate's <paramref name="layout"/>, finds every stage passed (the right reading, "suppressed" only by itself).
    /// </summary>
    public static void AssertReadsThroughEveryStage(int index, string text, string layout)
    {
        var (frame, truth) = AssertReads(index, text);
        using (frame)
        {
            using var recognizer = new PlateRecognizer(RegionProfile.Load("kr"));
            StageDiagnosis d = recognizer.Diagnose(frame, truth.Corners.Select(c => new Point2f(c.X, c.Y)).ToList(), text, layout);
            Assert.True(d.Stage == StageDiagnosis.Suppressed, $"bench scene {index} (seed {Seed}): stage {d.Stage} ({d.Detail})");
        }
    }

    /// <summary>Asserts that the <paramref name="region"/> recognizer does not report <paramref name="wrong"/> in scene <paramref name="index"/> (of <paramref name="seed"/>'s run; a misread that must stay refused).</summary>
    public static void AssertDoesNotRead(int index, string wrong, string region = "kr", int seed = Seed)
    {
        var (frame, truth) = Load(index, seed);
        using (frame)
        {
            Assert.NotEqual(wrong, truth.Plate.Text);
            using var recognizer = new PlateRecognizer(RegionProfile.Load(region));
            var read = recognizer.Read(frame).Select(r => r.Text).ToList();
            Assert.False(read.Contains(wrong), $"bench scene {index} (seed {seed}): read [{string.Join(',', read)}], plate {truth.Plate.Text}");
        }
    }
}
