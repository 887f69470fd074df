using System.Diagnostics;
using System.Globalization;
using EdgeCity.Anpr;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Scenes;
using EdgeCity.Cli.Benchmarks.AnprBench;
using OpenCvSharp;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// <c>bench anpr</c>: 2,000 seeded 1280×720 scenes of the simulated street camera (every Korean format and colour,
/// European plates, scenes without plates; angles to ±30°, distance, night and infrared, blur, noise, JPEG, dirt,
/// occlusion, frames, grilles, signs) read on one thread. Only <see cref="PlateRecognizer.Read"/> is timed (CPU time
/// of the reading thread, <see cref="ThreadCpuClock"/>; the machine is shared) — not rendering or JPEG decoding. Prints the breakdown per condition, then one JSON line.
/// </summary>
public static class AnprBenchmark
{
    /// <summary>Scenes in the full run.</summary>
    public const int Scenes = 2000;

    /// <summary>Runs the full benchmark.</summary>
    public static Task<int> RunAsync(int seed, TextWriter output, CancellationToken cancellationToken) =>
        Task.FromResult(Run(seed, ScenesFromEnvironment(), output, cancellationToken).ExitCode);

    /// <summary>
    /// <see cref="Scenes"/>, or fewer while iterating on the recognizer: <c>EDGECITY_ANPR_SCENES=300 ./edgecity bench anpr</c>
    /// (the first N scenes of the same seeded sequence). The reported figure is always the full run.
    /// </summary>
    private static int ScenesFromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable("EDGECITY_ANPR_SCENES");
        if (string.IsNullOrEmpty(value)) return Scenes;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
        {
            throw new ArgumentException($"EDGECITY_ANPR_SCENES: expected a positive whole number of scenes, got '{value}'");
        }

        return n;
    }

    /// <summary>Runs <paramref name="scenes"/> scenes; returns the overall tally (for the reduced test) and the exit code.</summary>
    internal static (AnprTally Overall, int ExitCode) Run(int seed, int scenes, TextWriter output, CancellationToken cancellationToken)
    {
        Cv2.SetNumThreads(1);
        output.WriteLine($"bench anpr: {scenes} simulated 1280x720 scenes (seed {seed}), one thread, kr and eu recognizers");
        var recognizers = RegionProfile.Names.ToDictionary(n => n, n => new PlateRecognizer(RegionProfile.Load(n)));
        var tallies = new Dictionary<string, AnprTally>(StringComparer.Ordinal);
        using var generator = new SceneGenerator(seed);
        var wall = Stopwatch.StartNew();
        try
        {
            for (int i = 0; i < scenes && !cancellationToken.IsCancellationRequested; i++)
            {
                SyntheticScene scene = generator.Scene(i);
                string region = scene.Conditions.Plate?.RegionProfile ?? "kr";
                using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
                long start = Stopwatch.GetTimestamp();
                double cpuStart = ThreadCpuClock.NowMs();
                IReadOnlyList<PlateReading> readings = recognizers[region].Read(frame);
                double ms = ThreadCpuClock.NowMs() - cpuStart;
                double wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var texts = readings.Select(r => r.Text).ToList();
                foreach (string condition in AnprConditions.Of(scene.Conditions))
                {
                    if (!tallies.TryGetValue(condition, out AnprTally? tally)) tallies[condition] = tally = new AnprTally();
                    tally.Add(scene.Conditions.Plate?.Text, texts, ms, wallMs);
                }
            }
        }
        finally
        {
            foreach (var r in recognizers.Values) r.Dispose();
        }

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"{"condition",-30} {"scenes",6} {"exact",7} {"chars",7} {"false/frame",11} {"median ms",9} {"p95 ms",7}"));
        foreach ((string name, AnprTally t) in tallies.OrderBy(p => p.Key == "all" ? "" : p.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(inv,
                $"{name,-30} {t.Scenes,6} {t.ExactRate,7:F3} {t.CharacterAccuracy,7:F3} {t.FalsePlatesPerFrame,11:F3} {t.Percentile(0.5),9:F1} {t.Percentile(0.95),7:F1}"));
        }

        AnprTally all = tallies["all"];
        double rssMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        output.WriteLine(string.Create(inv,
            $"ms = CPU time of the reading thread (OpenCV on 1 thread); wall-clock median {all.WallPercentile(0.5):F1} ms, p95 {all.WallPercentile(0.95):F1} ms on this shared machine"));
        output.WriteLine(string.Create(inv, $"run {wall.Elapsed.TotalSeconds:F0} s including rendering; peak RSS includes the scene renderer (SkiaSharp) and both recognizers"));
        output.WriteLine(string.Create(inv,
            $"{{\"bench\":\"anpr\",\"scenes\":{all.Scenes},\"exact\":{all.ExactRate:F4},\"char_accuracy\":{all.CharacterAccuracy:F4},\"false_plates_per_frame\":{all.FalsePlatesPerFrame:F4},\"median_ms\":{all.Percentile(0.5):F1},\"p95_ms\":{all.Percentile(0.95):F1},\"rss_mb\":{rssMb:F0}}}"));
        return (all, 0);
    }
}
