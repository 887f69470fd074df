using System.CommandLine;
using System.Globalization;
using EdgeCity.Anpr;
using EdgeCity.Anpr.Glyphs;
using EdgeCity.Anpr.Regions;
using EdgeCity.CameraSim.Scenes;

namespace EdgeCity.Cli.Anpr;

/// <summary>
/// <c>edgecity anpr …</c>: <c>read</c> plates in image files, <c>train</c> the glyph classifiers from simulated
/// scenes, write simulated camera <c>scenes</c> with their ground truth, <c>eval</c>uate on photos with ground truth.
/// </summary>
public static class AnprCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("anpr", "Licence-plate recognition: read images, train the glyph models, render simulated camera scenes (docs/anpr.md)");
        command.Subcommands.Add(Read());
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Scenes());
        command.Subcommands.Add(Eval());
        command.Subcommands.Add(GlyphImageExport.Create());
        command.Subcommands.Add(LineImageExport.Create());
        return command;
    }

    private static Option<string> RegionOption(string defaultValue) =>
        new("--region") { Description = "Region profile: " + string.Join(", ", RegionProfile.Names), DefaultValueFactory = _ => defaultValue };

    private static bool IsKnownRegion(string name, string subcommand)
    {
        if (RegionProfile.Names.Contains(name))
        {
            return true;
        }

        Console.Error.WriteLine($"anpr {subcommand}: --region: unknown region '{name}' (expected one of: {string.Join(", ", RegionProfile.Names)})");
        return false;
    }

    private static Command Read()
    {
        var region = RegionOption("kr");
        var images = new Argument<string[]>("image") { Description = "Image files (JPEG, PNG, …)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("read", "Read the plates in each image: one JSON line per image; errors as JSON lines and a non-zero exit") { region, images };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(region)!;
            if (!IsKnownRegion(name, "read"))
            {
                return 2;
            }

            using var recognizer = new PlateRecognizer(RegionProfile.Load(name));
            int failures = PlateImageReader.ReadAll(recognizer, parse.GetValue(images)!, Console.Out);
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Train()
    {
        var region = RegionOption("all");
        var scenes = new Option<int>("--scenes") { Description = "Simulated scenes per region", DefaultValueFactory = _ => 4000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the training scenes (the benchmark uses 1)", DefaultValueFactory = _ => 1000 };
        var iterations = new Option<int>("--iterations") { Description = "MLP training epochs (back-propagation passes over the glyphs)", DefaultValueFactory = _ => 40 };
        var output = new Option<string>("--out") { Description = "Folder for {region}.yml.gz and {region}.labels.txt", DefaultValueFactory = _ => "gateway/EdgeCity.Anpr/Models" };
        var command = new Command("train", "Train the glyph classifiers from simulated scenes (run from the repository root; rebuild to embed)") { region, scenes, seed, iterations, output };
        command.SetAction(parse =>
        {
            string which = parse.GetValue(region)!;
            string[] regions = which == "all" ? [.. RegionProfile.Names] : [which];
            Directory.CreateDirectory(parse.GetValue(output)!);
            foreach (string r in regions)
            {
                Console.WriteLine($"anpr train {r}: collecting glyphs from {parse.GetValue(scenes)} scenes (seed {parse.GetValue(seed)})");
                var samples = GlyphSampleCollector.Collect(r, parse.GetValue(seed), parse.GetValue(scenes), Console.WriteLine);
                using GlyphClassifier classifier = GlyphModelTrainer.Train(samples, parse.GetValue(iterations), Console.WriteLine);
                GlyphModelTrainer.Save(classifier, parse.GetValue(output)!, r);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"anpr train {r}: {classifier.Labels.Count} labels written to {parse.GetValue(output)}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Eval()
    {
        var region = RegionOption("kr");
        var folders = new Argument<string[]>("folder") { Description = "Folders of photos, each with a .txt of OpenALPR's benchmark format beside it (IMAGE TAB X TAB Y TAB W TAB H TAB PLATE)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("eval", "Score the recognizer on photos with ground truth (OpenALPR's benchmark folders, or anpr scenes output): one line per photo, JSON last") { region, folders };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(region)!;
            if (!IsKnownRegion(name, "eval"))
            {
                return 2;
            }

            using var recognizer = new PlateRecognizer(RegionProfile.Load(name));
            return PhotoEvaluation.Run(recognizer, name, parse.GetValue(folders)!, Console.Out, Console.Error);
        });
        return command;
    }

    private static Command Scenes()
    {
        var output = new Option<string>("--out") { Description = "Folder for scene-NNNN.jpg and truth.jsonl", Required = true };
        var count = new Option<int>("--count") { Description = "Number of scenes", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed", DefaultValueFactory = _ => 1 };
        var command = new Command("scenes", "Write simulated 1280x720 camera scenes (JPEG) and their ground truth (truth.jsonl, and a .txt per plated scene for anpr eval)") { output, count, seed };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            using var generator = new SceneGenerator(parse.GetValue(seed));
            using var truth = new StreamWriter(Path.Combine(folder, "truth.jsonl"));
            for (int i = 0; i < parse.GetValue(count); i++)
            {
                SyntheticScene scene = generator.Scene(i);
                string file = $"scene-{i:D4}.jpg";
                File.WriteAllBytes(Path.Combine(folder, file), scene.Jpeg);
                truth.WriteLine(SceneTruthLine.Format(file, scene));
                if (scene.Plates.Count > 0)
                {
                    PlateTruthFile.Write(Path.Combine(folder, $"scene-{i:D4}.{scene.Plates[0].Plate.RegionProfile}.txt"), scene.Plates.Select(p =>
                        new PlateTruthEntry(file, p.Box.Left, p.Box.Top, p.Box.Width, p.Box.Height, p.Plate.Text)));
                }
            }

            Console.WriteLine($"wrote {parse.GetValue(count)} scenes to {folder}");
            return 0;
        });
        return command;
    }
}
