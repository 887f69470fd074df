using System.Diagnostics;
using System.Globalization;
using EdgeCity.Anpr;
using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Regions;
using EdgeCity.Anpr.Voting;
using EdgeCity.CameraSim.Scenes;
using EdgeCity.Cli.Benchmarks.AnprBench;
using EdgeCity.Cli.Benchmarks.AnprTrackBench;
using OpenCvSharp;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// <c>bench anpr-track</c>: what voting across frames (<see cref="PlateVoteTracker"/>) makes of the plates one frame
/// loses. The cars of <c>bench anpr</c>'s scenes that hold a plate (the same seed, the first <see cref="Vehicles"/>),
/// each seen in <see cref="FramesPerVehicle"/> frames as it comes nearer (<see cref="PassingCar"/>), every frame read
/// on one thread and its readings given to a tracker of the car's own, whose votes are the car's plates. Per vehicle:
/// the true plate among the votes (voted exact), the votes' character accuracy, votes that are not the plate (false
/// votes: a sign the tracker follows is one vote however many frames read it); beside it the single frames' exact rate
/// and the share of cars any one frame read (what a vote can reach). The last line is one JSON object.
/// </summary>
public static class AnprTrackBenchmark
{
    /// <summary>Vehicles in the full run.</summary>
    public const int Vehicles = 400;

    /// <summary>Frames each vehicle is seen in.</summary>
    public const int FramesPerVehicle = 5;

    /// <summary>Runs the full benchmark.</summary>
    public static Task<int> RunAsync(int seed, TextWriter output, CancellationToken cancellationToken) =>
        Task.FromResult(Run(seed, Vehicles, FramesPerVehicle, output, cancellationToken).ExitCode);

    /// <summary>Runs on <paramref name="vehicles"/> vehicles (<c>--scenes N</c>).</summary>
    public static Task<int> RunAsync(int seed, int vehicles, TextWriter output, CancellationToken cancellationToken) =>
        Task.FromResult(Run(seed, vehicles, FramesPerVehicle, output, cancellationToken).ExitCode);

    /// <summary>Runs on <paramref name="vehicles"/> vehicles of <paramref name="frames"/> frames each; returns the per-vehicle tally, the per-frame one and the exit code.</summary>
    internal static (AnprTally Voted, AnprTally Frames, int ExitCode) Run(int seed, int vehicles, int frames, TextWriter output, CancellationToken cancellationToken)
    {
        Cv2.SetNumThreads(1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench anpr-track: {vehicles} cars of bench anpr's scenes with a plate (seed {seed}), {frames} frames each (plate {PassingCar.Growth:F2}× wider a frame, yaw {PassingCar.YawStepDeg:F1}° a frame, centred on the scene), one thread, a vote tracker per car"));
        var recognizers = RegionProfile.Names.ToDictionary(n => n, n => new PlateRecognizer(RegionProfile.Load(n)));
        var voted = new Dictionary<string, AnprTally>(StringComparer.Ordinal);
        var single = new Dictionary<string, AnprTally>(StringComparer.Ordinal);
        var anyFrame = new Dictionary<string, int>(StringComparer.Ordinal);
        TextWriter? trace = Environment.GetEnvironmentVariable("ANPR_TRACE") is { Length: > 0 } ? Console.Error : null;
        using var generator = new SceneGenerator(seed);
        var wall = Stopwatch.StartNew();
        try
        {
            int taken = 0;
            for (int i = 0; taken < vehicles && !cancellationToken.IsCancellationRequested; i++)
            {
                SceneConditions scene = generator.Conditions(i);
                if (scene.Plate is null) continue;
                taken++;
                string truth = scene.Plate.Text;
                PlateRecognizer recognizer = recognizers[scene.Plate.RegionProfile];
                var tracker = new PlateVoteTracker(recognizer.Profile);
                var conditions = AnprConditions.Of(scene).ToList();
                double carMs = 0, carWallMs = 0;
                bool seen = false;
                var frameTexts = new List<string>();
                IReadOnlyList<SceneConditions> car = PassingCar.Frames(scene, frames);
                for (int k = 0; k < car.Count; k++)
                {
                    using Mat frame = Cv2.ImDecode(generator.Render(i, car[k]).Jpeg, ImreadModes.Color);
                    long start = Stopwatch.GetTimestamp();
                    double cpuStart = ThreadCpuClock.NowMs();
                    IReadOnlyList<PlateReading> readings = recognizer.Read(frame);
                    double ms = ThreadCpuClock.NowMs() - cpuStart, wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    carMs += ms;
                    carWallMs += wallMs;
                    var texts = readings.Select(r => r.Text).ToList();
                    seen |= texts.Contains(truth);
                    frameTexts.Add(texts.Count == 0 ? "-" : string.Join('+', texts));
                    foreach (string c in conditions) AnprTally.Of(single, c).Add(truth, texts, ms, wallMs);
                    tracker.Observe(k, readings);
                }

                var votes = tracker.Flush().Select(v => v.Text).ToList();
                foreach (string c in conditions)
                {
                    AnprTally.Of(voted, c).Add(truth, votes, carMs, carWallMs);
                    anyFrame[c] = anyFrame.GetValueOrDefault(c) + (seen ? 1 : 0);
                }

                // ANPR_TRACE: each car whose vote is not exactly its plate, or that voted a false plate.
                if (!votes.Contains(truth) || votes.Any(v => v != truth))
                {
                    trace?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{i}\t{truth}\tvoted [{string.Join(',', votes)}]\tframes [{string.Join(' ', frameTexts)}]\t{scene.Plate.Style} {scene.Plate.Colour} {scene.PlateWidthPx:F0}px yaw {scene.YawDeg:F0}° motion {scene.MotionBlurPx:F1}px"));
                }
            }
        }
        finally
        {
            foreach (var r in recognizers.Values) r.Dispose();
        }

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"{"condition",-30} {"cars",5} {"frame exact",11} {"any frame",9} {"voted exact",11} {"voted chars",11} {"false votes/car",15}"));
        foreach ((string name, AnprTally t) in voted.OrderBy(p => p.Key == "all" ? "" : p.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(inv,
                $"{name,-30} {t.Scenes,5} {single[name].ExactRate,11:F3} {anyFrame[name] / (double)t.Scenes,9:F3} {t.ExactRate,11:F3} {t.CharacterAccuracy,11:F3} {t.FalsePlatesPerFrame,15:F3}"));
        }

        if (!voted.TryGetValue("all", out AnprTally? all))
        {
            all = new AnprTally();
            single["all"] = new AnprTally();
            anyFrame["all"] = 0;
        }

        AnprTally frameAll = single["all"];
        double rssMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        output.WriteLine(string.Create(inv, $"frames: {frameAll.Scenes}, median {frameAll.Percentile(0.5):F1} ms CPU a frame; run {wall.Elapsed.TotalSeconds:F0} s including rendering"));
        output.WriteLine(string.Create(inv,
            $"{{\"bench\":\"anpr-track\",\"vehicles\":{all.Scenes},\"frames_per_vehicle\":{frames},\"frame_exact\":{frameAll.ExactRate:F4},\"any_frame\":{(all.Scenes == 0 ? 0 : anyFrame["all"] / (double)all.Scenes):F4},\"voted_exact\":{all.ExactRate:F4},\"voted_char_accuracy\":{all.CharacterAccuracy:F4},\"false_votes_per_vehicle\":{all.FalsePlatesPerFrame:F4},\"median_ms\":{frameAll.Percentile(0.5):F1},\"rss_mb\":{rssMb:F0}}}"));
        return (all, frameAll, 0);
    }
}
