using System.Diagnostics;
using System.Globalization;
using EdgeCity.Anpr;
using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Cli.Benchmarks.AnprBench;
using OpenCvSharp;

namespace EdgeCity.Cli.Anpr;

/// <summary>
/// <c>anpr eval</c>'s work: every photo named by the truth files of the given folders is read on one thread and
/// scored as the benchmark scores scenes — exact (the true text among the readings), character accuracy (1 − edit
/// distance of the closest reading / length), false plates (readings that are no plate of the photo) and time
/// (CPU of the reading thread, and wall clock). One line per photo, a summary, then one JSON line.
/// </summary>
internal static class PhotoEvaluation
{
    /// <summary>Evaluates; returns 0, or 1 when a truth file or photo could not be used (each is named on <paramref name="errors"/>).</summary>
    public static int Run(PlateRecognizer recognizer, string region, IReadOnlyList<string> folders, TextWriter output, TextWriter errors)
    {
        Cv2.SetNumThreads(1);
        var problems = new List<string>();
        var photos = new List<(string Path, List<PlateTruthEntry> Plates)>();
        foreach (string folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                problems.Add($"{folder}: no such folder (expected a folder of photos with OpenALPR-style .txt truth files)");
                continue;
            }

            foreach (var image in Directory.EnumerateFiles(folder, "*.txt").Where(f => IsForRegion(f, region)).Order(StringComparer.Ordinal)
                .SelectMany(file => PlateTruthFile.Read(file, problems))
                .GroupBy(e => Path.Combine(folder, e.Image), StringComparer.Ordinal))
            {
                photos.Add((image.Key, image.ToList()));
            }
        }

        var tally = new AnprTally();
        int extraPlates = 0, extraExact = 0;
        foreach (var (path, plates) in photos)
        {
            using Mat frame = Decode(path, problems);
            if (frame.Empty())
            {
                continue;
            }

            long start = Stopwatch.GetTimestamp();
            double cpuStart = ThreadCpuClock.NowMs();
            IReadOnlyList<PlateReading> readings = recognizer.Read(frame);
            double ms = ThreadCpuClock.NowMs() - cpuStart;
            double wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var texts = readings.Select(r => PlateTruthFile.Normalize(r.Text)).ToList();

            // The first plate of a photo is scored like a scene's; readings of its other plates are not false plates.
            var others = plates.Skip(1).Select(p => p.Text).ToHashSet(StringComparer.Ordinal);
            tally.Add(plates[0].Text, texts.Where(t => !others.Contains(t)).ToList(), ms, wallMs);
            extraPlates += others.Count;
            extraExact += others.Count(texts.Contains);
            bool exact = texts.Contains(plates[0].Text);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(path),-28} {plates[0].Text,-12} {(exact ? "ok" : "MISS"),-4}  read {(texts.Count == 0 ? "-" : string.Join(",", texts)),-24} {ms,6:F1} ms"));
        }

        foreach (string problem in problems)
        {
            errors.WriteLine("anpr eval: " + problem);
        }

        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"{tally.Scenes} photos ({region}): exact {tally.Exact}/{tally.Plates}; further plates in the same photos read {extraExact}/{extraPlates}; {tally.FalsePlates} false plates; ms = CPU of the reading thread, wall median {tally.WallPercentile(0.5):F1} ms; {problems.Count} problem(s)"));
        output.WriteLine(string.Create(inv,
            $"{{\"eval\":\"anpr\",\"region\":\"{region}\",\"photos\":{tally.Scenes},\"exact\":{tally.ExactRate:F4},\"char_accuracy\":{tally.CharacterAccuracy:F4},\"false_plates_per_photo\":{tally.FalsePlatesPerFrame:F4},\"median_ms\":{tally.Percentile(0.5):F1},\"p95_ms\":{tally.Percentile(0.95):F1},\"wall_median_ms\":{tally.WallPercentile(0.5):F1},\"problems\":{problems.Count}}}"));
        return problems.Count == 0 ? 0 : 1;
    }

    // NAME.{region}.txt (as anpr scenes writes for its mixed streets) is the truth of a plate of that region only;
    // any other NAME.txt is for whichever region is asked, as OpenALPR keeps one folder per country.
    private static bool IsForRegion(string truthFile, string region)
    {
        string tag = Path.GetExtension(Path.GetFileNameWithoutExtension(truthFile)).TrimStart('.');
        return !EdgeCity.Anpr.Regions.RegionProfile.Names.Contains(tag) || tag == region;
    }

    private static Mat Decode(string path, List<string> problems)
    {
        try
        {
            Mat frame = Cv2.ImRead(path, ImreadModes.Color);
            if (frame.Empty())
            {
                problems.Add($"{path}: {(File.Exists(path) ? "not an image OpenCV can decode (expected JPEG, PNG, …)" : "no such file (named by its truth file)")}");
            }

            return frame;
        }
        catch (OpenCVException e)
        {
            problems.Add($"{path}: {e.Message}");
            return new Mat();
        }
    }
}
