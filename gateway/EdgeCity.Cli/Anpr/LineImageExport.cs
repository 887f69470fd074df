using System.CommandLine;
using System.Globalization;
using System.Text;
using EdgeCity.Anpr.Detection;
using EdgeCity.Anpr.LineRecognition;
using EdgeCity.Anpr.Reading;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Plates;
using EdgeCity.CameraSim.Scenes;
using EdgeCity.HardwareSim.Time;
using OpenCvSharp;

namespace EdgeCity.Cli.Anpr;

/// <summary>
/// <c>edgecity anpr export-lines</c>: the line recognizer's (CRNN) training set. Simulated scenes go through the
/// recognizer's own detection and rectification; every row lying on the true plate becomes the network's input image
/// (<see cref="CrnnLineImage"/>) with the plate's text as tokens — whether or not it would segment, which is the point:
/// blur-glued characters are read as a whole. A two-line plate gives its main line (Hangul and four digits) and its
/// upper strip (region name, class digits). One row per scene elsewhere in the frame (grille, lamps, car edges) is
/// written with no text, so the network learns to say nothing there.
/// Writes <c>{region}-lines.u8</c> (the images, 32 rows each, row-major, one after the other) and
/// <c>{region}-lines.tsv</c> (per image: width, scene index, kind, tokens separated by spaces).
/// </summary>
internal static class LineImageExport
{
    public static Command Create()
    {
        var region = new Option<string>("--region") { Description = "Region profile: " + string.Join(", ", RegionProfile.Names), DefaultValueFactory = _ => "kr" };
        var scenes = new Option<int>("--scenes") { Description = "Simulated scenes with a plate of the region", DefaultValueFactory = _ => 8000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the training scenes (the benchmark uses 1)", DefaultValueFactory = _ => 1000 };
        var output = new Option<string>("--out") { Description = "Folder for the two files", Required = true };
        var motion = new Option<bool>("--motion-blur") { Description = "Give every scene horizontal motion blur (σ 0.8–2.5 px, as the simulator's moving cars): more of the lines the deblurred warps of a passing car make" };
        var regional = new Option<bool>("--regional-only") { Description = "Only scenes whose plate carries a region name (kr stacked and two-line): the region-name window classifier's set (Models/train_name.py)" };
        var command = new Command("export-lines", "Write rectified plate lines with their text from simulated scenes (the line recognizer's training set; Models/train.sh)") { region, scenes, seed, output, motion, regional };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(region)!;
            if (!RegionProfile.Names.Contains(name))
            {
                Console.Error.WriteLine($"anpr export-lines: --region: unknown region '{name}' (expected one of: {string.Join(", ", RegionProfile.Names)})");
                return 2;
            }

            if (parse.GetValue(scenes) < 1)
            {
                Console.Error.WriteLine("anpr export-lines: --scenes must be ≥ 1");
                return 2;
            }

            Cv2.SetNumThreads(1);
            string folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            Console.WriteLine($"anpr export-lines {name}: {parse.GetValue(scenes)} scenes (seed {parse.GetValue(seed)})");
            using var images = File.Create(Path.Combine(folder, $"{name}-lines.u8"));
            var tsv = new StringBuilder();
            int written = Export(name, parse.GetValue(seed), parse.GetValue(scenes), parse.GetValue(motion), parse.GetValue(regional), (image, scene, kind, tokens) =>
            {
                image.GetArray(out byte[] pixels);
                images.Write(pixels);
                tsv.Append(CultureInfo.InvariantCulture, $"{image.Cols}\t{scene}\t{kind}\t{string.Join(' ', tokens)}\n");
            }, Console.WriteLine);
            File.WriteAllText(Path.Combine(folder, $"{name}-lines.tsv"), tsv.ToString());
            Console.WriteLine($"anpr export-lines {name}: {written} line images written to {folder}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Exports the lines of <paramref name="scenes"/> scenes with a plate of <paramref name="region"/>, with
    /// <paramref name="motionBlur"/> each given horizontal motion blur, with <paramref name="regionalOnly"/> only those
    /// whose plate carries a region name; returns the count.
    /// </summary>
    public static int Export(string region, int seed, int scenes, bool motionBlur, bool regionalOnly, Action<Mat, int, string, IReadOnlyList<string>> write, Action<string> log)
    {
        int written = 0, plates = 0, tried = 0;
        Func<PlateSpec, bool>? namedPlates = regionalOnly ? p => p.Style is PlateStyle.KrRegionalStacked or PlateStyle.KrRegionalTwoLine : null;
        foreach (TrainingScenes.Scene scene in TrainingScenes.Of(region, seed, scenes, motionBlur ? (i, c) => MotionBlurred(seed, i, c) : null, namedPlates))
        {
            tried++;
            (int i, PlateSpec plate, Mat frame, PlateTruth truth, Rect plateBox) = (scene.Index, scene.Plate, scene.Frame, scene.Truth, scene.PlateBox);
            using var onText = new PlateTextRow(truth);
            bool negativeWritten = false, found = false;
            foreach ((RectifiedLine line, Rect lineBox) in LineSource.Lines(frame))
            {
                using (line)
                {
                    Rect overlap = lineBox & plateBox;
                    if (overlap.Width * overlap.Height == 0)
                    {
                        if (negativeWritten) continue;
                        using Mat? junk = CrnnLineImage.Main(line);
                        if (junk is null) continue;
                        write(junk, i, "none", []);
                        negativeWritten = true;
                        written++;
                        continue;
                    }

                    if (overlap.Width * overlap.Height < 0.5 * lineBox.Width * lineBox.Height) continue;
                    // A row whose "characters" are taller than the plate's (the plate's rim or the whole plate as a blob)
                    // still holds the whole plate, smaller: kept up to 1.5×, as such rows are read at run time too.
                    if (onText.Scale(line, 1.5f) is not { } scale) continue;
                    bool twoLine = plate.Style == PlateStyle.KrRegionalTwoLine;
                    using (Mat? main = CrnnLineImage.Main(line))
                    {
                        if (main is null) continue;
                        write(main, i, "main", MainTokens(plate));
                        written++;
                        found = true;
                    }

                    if (!twoLine || scale > 1.2f) continue;
                    using Mat? upper = CrnnLineImage.Upper(line);
                    if (upper is null) continue;
                    write(upper, i, "upper", UpperTokens(plate));
                    written++;
                }
            }

            if (found) plates++;
            if (tried % 500 == 0) log($"  {tried} scenes, {plates} plates with a line, {written} images");
        }

        log($"  {tried} scenes, {plates} plates with a line, {written} images");
        return written;
    }

    /// <summary>
    /// A scene's conditions with horizontal motion blur, drawn as the simulator draws it for a moving car (σ 0.8–2.5 px,
    /// with focus blur σ 0.4–1.5 px), seeded by the scene: one scene in seven is motion-blurred in the simulator's mix,
    /// and the line network reads such a car's plate from the deblurred warp (MotionDeblur) no other line resembles.
    /// </summary>
    internal static SceneConditions MotionBlurred(int seed, int index, SceneConditions c)
    {
        var random = new Random(SeedMix.Combine(seed ^ 0x6D6F74, index));
        return c with { MotionBlurPx = 0.8 + (random.NextDouble() * 1.7), BlurSigmaPx = 0.4 + (random.NextDouble() * 1.1) };
    }

    /// <summary>The tokens of a plate's main line: one per character, a stacked region name as one (S:서울); for a two-line plate only its lower line.</summary>
    public static List<string> MainTokens(PlateSpec plate) => plate.Style switch
    {
        PlateStyle.KrRegionalStacked => [CrnnTokens.Stacked + plate.Text[..2], .. Characters(plate.Text[2..])],
        PlateStyle.KrRegionalTwoLine => Characters(plate.Text[4..]),
        _ => Characters(plate.Text),
    };

    /// <summary>The tokens of a two-line plate's upper line: the region name side by side (R:서울) and the class digits.</summary>
    public static List<string> UpperTokens(PlateSpec plate) => [CrnnTokens.SideBySide + plate.Text[..2], .. Characters(plate.Text[2..4])];

    private static List<string> Characters(string text) => text.Select(ch => ch.ToString()).ToList();
}
