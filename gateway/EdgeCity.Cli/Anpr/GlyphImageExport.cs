using System.CommandLine;
using System.Globalization;
using System.Text;
using EdgeCity.Anpr.Glyphs;
using EdgeCity.Anpr.Regions;
using OpenCvSharp;

namespace EdgeCity.Cli.Anpr;

/// <summary>
/// <c>edgecity anpr export-glyphs</c>: the convolutional glyph classifier's training set. The same labelled glyphs
/// as <c>anpr train</c> (simulated scenes through the recognizer's own detection, rectification, segmentation and
/// alignment), each rendered as the <see cref="GlyphImage"/> the recognizer will classify, with more jittered boxes.
/// Writes <c>{region}-glyphs.u8</c> (N × 32 × 32 bytes) and <c>{region}-glyphs.tsv</c> (per image: label, scene index).
/// Photometric and geometric augmentation is the trainer's (Models/train_cnn.py), on the fly.
/// </summary>
internal static class GlyphImageExport
{
    public static Command Create()
    {
        var region = new Option<string>("--region") { Description = "Region profile: " + string.Join(", ", RegionProfile.Names), DefaultValueFactory = _ => "kr" };
        var scenes = new Option<int>("--scenes") { Description = "Simulated scenes with a plate of the region", DefaultValueFactory = _ => 6000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the training scenes (the benchmark uses 1)", DefaultValueFactory = _ => 1000 };
        var jitters = new Option<int>("--jitters") { Description = "Copies of each glyph with its box moved or resized by a pixel or two", DefaultValueFactory = _ => 3 };
        var output = new Option<string>("--out") { Description = "Folder for the two files", Required = true };
        var command = new Command("export-glyphs", "Write labelled 32x32 glyph images from simulated scenes (the CNN's training set; Models/train.sh)") { region, scenes, seed, jitters, output };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(region)!;
            if (!RegionProfile.Names.Contains(name))
            {
                Console.Error.WriteLine($"anpr export-glyphs: --region: unknown region '{name}' (expected one of: {string.Join(", ", RegionProfile.Names)})");
                return 2;
            }

            if (parse.GetValue(scenes) < 1 || parse.GetValue(jitters) < 0)
            {
                Console.Error.WriteLine("anpr export-glyphs: --scenes must be ≥ 1 and --jitters ≥ 0");
                return 2;
            }

            Cv2.SetNumThreads(1);
            string folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            Console.WriteLine($"anpr export-glyphs {name}: {parse.GetValue(scenes)} scenes (seed {parse.GetValue(seed)}), {parse.GetValue(jitters)} jittered copies per glyph");
            var samples = GlyphSampleCollector.Collect(name, parse.GetValue(seed), parse.GetValue(scenes), parse.GetValue(jitters), Render, Console.WriteLine);
            using (var images = File.Create(Path.Combine(folder, $"{name}-glyphs.u8")))
            {
                foreach (var s in samples) images.Write(s.Sample);
            }

            var tsv = new StringBuilder();
            foreach (var s in samples) tsv.Append(CultureInfo.InvariantCulture, $"{s.Label}\t{s.Scene}\n");
            File.WriteAllText(Path.Combine(folder, $"{name}-glyphs.tsv"), tsv.ToString());
            Console.WriteLine($"anpr export-glyphs {name}: {samples.Count} images written to {folder}");
            return 0;
        });
        return command;
    }

    private static byte[] Render(Mat grey, EdgeCity.Anpr.Reading.GlyphBox box)
    {
        var pixels = new byte[GlyphImage.Length];
        GlyphImage.Render(grey, box, pixels);
        return pixels;
    }
}
