using System.Diagnostics;
using System.Globalization;
using EdgeCity.Anpr;
using EdgeCity.Anpr.Diagnostics;
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
        Task.FromResult(Run(seed, Scenes, output, cancellationToken).ExitCode);

    /// <summary>Runs <paramref name="scenes"/> scenes (<c>bench anpr --scenes N</c>: quicker iterations; the reported figure is the full run).</summary>
    public static Task<int> RunAsync(int seed, int scenes, TextWriter output, CancellationToken cancellationToken) =>
        Task.FromResult(Run(seed, scenes, output, cancellationToken).ExitCode);

    /// <summary>Runs <paramref name="scenes"/> scenes; returns the overall tally (for the reduced test) and the exit code.</summary>
    internal static (AnprTally Overall, int ExitCode) Run(int seed, int scenes, TextWriter output, CancellationToken cancellationToken)
    {
        // ANPR_LINE_READER=Glyphs|Crnn|GlyphsThenCrnn|Both measures another line reader than the default (docs/anpr.md);
        // ANPR_SCENES=330,857: only those scenes of the run (each scene is rendered from the seed and its number alone), to
        // look at a few traced losses again without the whole run; the tallies are then of those scenes.
        if (!AnprBenchSwitches.TryRead(Environment.GetEnvironmentVariable, out AnprBenchSwitches switches, out string switchError))
        {
            Console.Error.WriteLine($"bench anpr: {switchError}");
            return (new AnprTally(), 2);
        }

        Cv2.SetNumThreads(1);
        output.WriteLine($"bench anpr: {scenes} simulated 1280x720 scenes (seed {seed}), one thread, kr and eu recognizers");
        var options = new RecognizerOptions();
        if (switches.LineReader is { } mode) options.LineReader = mode;
        output.WriteLine($"line reader: {options.LineReader}");
        var recognizers = RegionProfile.Names.ToDictionary(n => n, n => new PlateRecognizer(RegionProfile.Load(n), options));
        var tallies = new Dictionary<string, AnprTally>(StringComparer.Ordinal);
        var failures = new AnprFailureTally();
        TextWriter? trace = Environment.GetEnvironmentVariable("ANPR_TRACE") is { Length: > 0 } ? Console.Error : null;
        using var generator = new SceneGenerator(seed);
        IReadOnlySet<int>? only = switches.Scenes;
        // Frames where nothing was read (most of a street camera's): every fallback and coarser level runs there.
        var readNothing = new AnprTally();
        var readNothingStages = new StageTotals();
        List<double> readNothingFirstLevel = [], readNothingLaterLevels = [];
        StageProfile.Reset();
        // ANPR_RULE_TRADE=FILE: every refusal by the rules PlateRecognizer.Refusals counts, one line each (seed, scene, rule,
        // text, sureness, right/wrong against the true plate): how many false plates a rule stops against right plates refused.
        using StreamWriter? trade = Environment.GetEnvironmentVariable("ANPR_RULE_TRADE") is { Length: > 0 } tradePath ? new StreamWriter(tradePath) : null;
        var wall = Stopwatch.StartNew();
        try
        {
            for (int i = 0; i < scenes && !cancellationToken.IsCancellationRequested; i++)
            {
                if (only is not null && !only.Contains(i)) continue;
                SyntheticScene scene = generator.Scene(i);
                string region = scene.Conditions.Plate?.RegionProfile ?? "kr";
                using Mat frame = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
                long start = Stopwatch.GetTimestamp();
                var stagesBefore = StageProfile.Enabled ? StageProfile.Totals() : null;
                double cpuStart = ThreadCpuClock.NowMs();
                if (trade is not null) recognizers[region].Refusals = [];
                IReadOnlyList<PlateReading> readings = recognizers[region].Read(frame);
                double ms = ThreadCpuClock.NowMs() - cpuStart;
                foreach ((string rule, string text, double sureness) in recognizers[region].Refusals ?? [])
                {
                    trade!.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{seed}\t{i}\t{rule}\t{text}\t{sureness:F2}\t{(text == scene.Conditions.Plate?.Text ? "right" : "wrong")}\t{(readings.Any(r => r.Text == text) ? "reported anyway" : "")}"));
                }

                double wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var texts = readings.Select(r => r.Text).ToList();
                if (readings.Count == 0)
                {
                    readNothing.Add(scene.Conditions.Plate?.Text, texts, ms, wallMs);
                    var levels = recognizers[region].LevelsRead;
                    readNothingFirstLevel.Add(levels.Count > 0 ? levels[0].CpuMs : 0);
                    readNothingLaterLevels.Add(levels.Skip(1).Sum(l => l.CpuMs));
                    if (stagesBefore is not null) readNothingStages.Add(stagesBefore, StageProfile.Totals());
                }

                var conditions = AnprConditions.Of(scene.Conditions).ToList();
                foreach (string condition in conditions) AnprTally.Of(tallies, condition).Add(scene.Conditions.Plate?.Text, texts, ms, wallMs);

                // Failure analysis (not timed): which stage lost the plate, where each false plate was read; with
                // ANPR_TRACE set, one line per lost plate and per false plate on stderr (scene number, text, stage, detail).
                PlateTruth? truth = scene.Plates.Count > 0 ? scene.Plates[0] : null;
                string? lostAt = null;
                if (truth is not null && !texts.Contains(truth.Plate.Text))
                {
                    var d = recognizers[region].Diagnose(frame, truth.Corners.Select(c => new Point2f(c.X, c.Y)).ToArray(), truth.Plate.Text, AnprConditions.Layout(truth.Plate.Style));
                    lostAt = d.Stage;
                    trace?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{i}\t{truth.Plate.Text}\t{d.Stage}\t{d.Detail}\tread [{string.Join(',', texts)}]\t{truth.Plate.Style} {truth.Plate.Colour} {scene.Conditions.PlateWidthPx:F0}px yaw {scene.Conditions.YawDeg:F0}° motion {scene.Conditions.MotionBlurPx:F1}px"));
                }

                foreach (PlateReading r in readings.Where(r => r.Text != truth?.Plate.Text))
                {
                    trace?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i}\tfalse plate {r.Text}\t{FalsePlateSource.Of(r, truth)}\tconfidence {r.Confidence} box {r.X},{r.Y},{r.Width},{r.Height}\ttruth {truth?.Plate.Text}"));
                }

                failures.AddScene(conditions, lostAt, readings.Where(r => r.Text != truth?.Plate.Text).Select(r => FalsePlateSource.Of(r, truth)));
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

        output.WriteLine(string.Create(inv,
            $"{"read nothing (any scene)",-30} {readNothing.Scenes,6} {"",7} {"",7} {"",11} {readNothing.Percentile(0.5),9:F1} {readNothing.Percentile(0.95),7:F1}"
            + $"  (first level median {Median(readNothingFirstLevel):F1} ms, the coarser levels' {Median(readNothingLaterLevels):F1}; means {Mean(readNothingFirstLevel):F1}, {Mean(readNothingLaterLevels):F1})"));
        failures.Write(output);
        // ANPR_PROFILE=1: where Read's time went, per stage (StageProfile).
        if (StageProfile.Enabled)
        {
            foreach (string line in StageProfile.Table(tallies["all"].Scenes)) output.WriteLine(line);
            output.WriteLine($"frames that read nothing ({readNothing.Scenes}):");
            foreach (string line in StageProfile.Table(readNothing.Scenes, readNothingStages.Sums)) output.WriteLine(line);
        }

        AnprTally all = tallies["all"];
        double rssMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        output.WriteLine(string.Create(inv,
            $"ms = CPU time of the reading thread (OpenCV on 1 thread); wall-clock median {all.WallPercentile(0.5):F1} ms, p95 {all.WallPercentile(0.95):F1} ms on this shared machine"));
        output.WriteLine(string.Create(inv, $"run {wall.Elapsed.TotalSeconds:F0} s including rendering; peak RSS includes the scene renderer (SkiaSharp) and both recognizers"));
        // The GC's first-generation budget follows the CPU's cache unless set (the edgecity script sets it): RSS
        // figures from machines with different caches compare only when this line matches.
        output.WriteLine($"GC gen0 budget: {Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "the runtime's default (from the CPU's cache size)"}");
        output.WriteLine(string.Create(inv,
            $"{{\"bench\":\"anpr\",\"scenes\":{all.Scenes},\"exact\":{all.ExactRate:F4},\"char_accuracy\":{all.CharacterAccuracy:F4},\"false_plates_per_frame\":{all.FalsePlatesPerFrame:F4},\"median_ms\":{all.Percentile(0.5):F1},\"p95_ms\":{all.Percentile(0.95):F1},\"rss_mb\":{rssMb:F0}}}"));
        return (all, 0);
    }

    private static double Median(List<double> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

    private static double Mean(List<double> values) => values.Count == 0 ? 0 : values.Average();
}
