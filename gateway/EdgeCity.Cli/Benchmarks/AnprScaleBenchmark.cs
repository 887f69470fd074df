using System.Diagnostics;
using System.Globalization;
using System.Text;
using EdgeCity.Anpr;
using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Scenes;
using EdgeCity.Cli.Benchmarks.AnprBench;
using EdgeCity.Cli.Benchmarks.AnprScaleBench;
using OpenCvSharp;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// <c>bench anpr-scale</c>: the scenes of <c>bench anpr</c> that hold a plate (the same seed, the first
/// <see cref="Scenes"/> of them) shown at other sizes (<see cref="ScenePresentation.All"/>: small frames, large
/// frames resampled or rendered at the size, 4:3 crops, close-ups) and read on one thread. Per size: exact plates, those among the plates read as
/// rendered, false plates, CPU ms of <see cref="PlateRecognizer.Read"/> (not resampling, encoding or decoding). The last
/// line is one JSON object.
/// </summary>
public static class AnprScaleBenchmark
{
    /// <summary>Scenes with a plate in the full run.</summary>
    public const int Scenes = 200;

    /// <summary>Runs the full benchmark.</summary>
    public static Task<int> RunAsync(int seed, TextWriter output, CancellationToken cancellationToken) =>
        Task.FromResult(Run(seed, Scenes, output, cancellationToken).ExitCode);

    /// <summary>Runs on <paramref name="scenes"/> scenes with a plate (<c>--scenes N</c>).</summary>
    public static Task<int> RunAsync(int seed, int scenes, TextWriter output, CancellationToken cancellationToken) =>
        Task.FromResult(Run(seed, scenes, output, cancellationToken).ExitCode);

    /// <summary>Runs on <paramref name="scenes"/> scenes with a plate, the sizes among <paramref name="presentations"/> (all if null); returns each size's tally and the exit code.</summary>
    internal static (IReadOnlyDictionary<string, AnprTally> Sizes, int ExitCode) Run(int seed, int scenes, TextWriter output, CancellationToken cancellationToken, IReadOnlyList<ScenePresentation>? presentations = null)
    {
        presentations ??= ScenePresentation.All;
        Cv2.SetNumThreads(1);
        output.WriteLine($"bench anpr-scale: the first {scenes} scenes with a plate of bench anpr's (seed {seed}) at {presentations.Count} sizes (area down, bicubic up, JPEG {ScenePresentation.JpegQuality}), one thread");
        var recognizers = RegionProfile.Names.ToDictionary(n => n, n => new PlateRecognizer(RegionProfile.Load(n)));
        var tallies = presentations.ToDictionary(p => p.Name, _ => new AnprTally());
        var keptNative = presentations.ToDictionary(p => p.Name, _ => 0);
        int readNative = 0;
        TextWriter? trace = Environment.GetEnvironmentVariable("ANPR_TRACE") is { Length: > 0 } ? Console.Error : null;
        using var generator = new SceneGenerator(seed);
        // A generator per size rendered at (PresentationKind.Rendered), the same seed: the same scenes, more pixels.
        var renderers = presentations.Where(p => p.Kind == PresentationKind.Rendered).ToDictionary(p => p.Name, p => new SceneGenerator(seed, p.Width, p.Height));
        var wall = Stopwatch.StartNew();
        try
        {
            int taken = 0;
            for (int i = 0; taken < scenes && !cancellationToken.IsCancellationRequested; i++)
            {
                if (generator.Conditions(i).Plate is null) continue;
                taken++;
                SyntheticScene scene = generator.Scene(i);
                PlateTruth truth = scene.Plates[0];
                PlateRecognizer recognizer = recognizers[scene.Conditions.Plate!.RegionProfile];
                using Mat rendered = Cv2.ImDecode(scene.Jpeg, ImreadModes.Color);
                var plate = new Rect(truth.Box.Left, truth.Box.Top, truth.Box.Width, truth.Box.Height);
                bool nativeExact = false;
                foreach (ScenePresentation presentation in presentations)
                {
                    byte[]? jpeg = presentation.Kind == PresentationKind.Rendered
                        ? renderers[presentation.Name].Render(i, presentation.Scaled(scene.Conditions)).Jpeg
                        : presentation.Encode(rendered, plate);
                    using Mat frame = jpeg is null ? rendered.Clone() : Cv2.ImDecode(jpeg, ImreadModes.Color);
                    double cpuStart = ThreadCpuClock.NowMs();
                    long start = Stopwatch.GetTimestamp();
                    IReadOnlyList<PlateReading> readings = recognizer.Read(frame);
                    double ms = ThreadCpuClock.NowMs() - cpuStart;
                    var texts = readings.Select(r => r.Text).ToList();
                    tallies[presentation.Name].Add(truth.Plate.Text, texts, ms, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    bool exact = texts.Contains(truth.Plate.Text);
                    if (presentation.Kind == PresentationKind.AsRendered) nativeExact = exact;
                    if (exact && nativeExact) keptNative[presentation.Name]++;
                    if (!exact || texts.Count > 1)
                    {
                        trace?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{i}\t{presentation.Name}\t{frame.Cols}x{frame.Rows}\t{truth.Plate.Text}\tread [{string.Join(',', texts)}]\t{truth.Plate.Style} {scene.Conditions.PlateWidthPx:F0}px rendered\t{ms:F0} ms"));
                    }
                }

                if (nativeExact) readNative++;
            }
        }
        finally
        {
            foreach (var r in recognizers.Values) r.Dispose();
            foreach (var r in renderers.Values) r.Dispose();
        }

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"{"size",-30} {"scenes",6} {"exact",7} {"of read as rendered",19} {"false",6} {"median ms",9} {"p95 ms",7} {"max ms",7}"));
        foreach (ScenePresentation p in presentations)
        {
            AnprTally t = tallies[p.Name];
            output.WriteLine(string.Create(inv,
                $"{p.Name,-30} {t.Scenes,6} {t.ExactRate,7:F3} {(readNative == 0 ? 0 : keptNative[p.Name] / (double)readNative),19:F3} {t.FalsePlates,6} {t.Percentile(0.5),9:F1} {t.Percentile(0.95),7:F1} {t.Percentile(1),7:F1}"));
        }

        output.WriteLine(string.Create(inv, $"ms = CPU time of the reading thread (OpenCV on 1 thread); run {wall.Elapsed.TotalSeconds:F0} s including rendering and resampling"));
        int plates = tallies.Values.Sum(t => t.Plates), exactAll = tallies.Values.Sum(t => t.Exact), falseAll = tallies.Values.Sum(t => t.FalsePlates);
        var json = new StringBuilder();
        json.Append(inv, $"{{\"bench\":\"anpr-scale\",\"scenes\":{scenes},\"exact\":{(plates == 0 ? 0 : exactAll / (double)plates):F4},\"false_plates\":{falseAll},\"sizes\":{{");
        json.AppendJoin(',', presentations.Select(p => string.Create(inv,
            $"\"{p.Name}\":{{\"exact\":{tallies[p.Name].ExactRate:F4},\"false\":{tallies[p.Name].FalsePlates},\"median_ms\":{tallies[p.Name].Percentile(0.5):F1},\"p95_ms\":{tallies[p.Name].Percentile(0.95):F1}}}")));
        json.Append("}}");
        output.WriteLine(json.ToString());
        return (tallies, 0);
    }
}
