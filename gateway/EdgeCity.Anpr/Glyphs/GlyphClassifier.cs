using System.IO.Compression;
using OpenCvSharp;
using OpenCvSharp.ML;

namespace EdgeCity.Anpr.Glyphs;

/// <summary>
/// A region's glyph classifier: a small multilayer perceptron (OpenCV ml ANN_MLP) over <see cref="GlyphFeatures"/>,
/// trained by <c>./edgecity anpr train</c> from plates the repository renders (see docs/anpr.md). Labels are single
/// characters, region names ("R:서울" side by side, "S:서울" stacked) and <see cref="Junk"/> for anything that is not a
/// glyph (bolts, frame edges, dirt) — so a layout can tell a character from its surroundings.
/// </summary>
internal sealed class GlyphClassifier : IGlyphClassifier
{
    /// <summary>The label of "not a glyph".</summary>
    public const string Junk = "~";

    private readonly ANN_MLP _mlp;
    private readonly Dictionary<string, int> _index;
    private GlyphFeatures? _features;

    public GlyphClassifier(ANN_MLP mlp, IReadOnlyList<string> labels)
    {
        _mlp = mlp;
        Labels = labels;
        _index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The network (for saving).</summary>
    public ANN_MLP Network => _mlp;

    /// <summary>Output labels, in output order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Index of <paramref name="label"/>, or −1.</summary>
    public int IndexOf(string label) => _index.TryGetValue(label, out int i) ? i : -1;

    /// <summary>Class probabilities (softmax of the network's outputs) for each feature vector.</summary>
    public float[][] Predict(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0) return [];
        var flat = new float[features.Count * GlyphFeatures.Length];
        for (int i = 0; i < features.Count; i++) Array.Copy(features[i], 0, flat, i * GlyphFeatures.Length, GlyphFeatures.Length);
        using var samples = new Mat(features.Count, GlyphFeatures.Length, MatType.CV_32FC1);
        samples.SetArray(flat);
        using var outputs = new Mat();
        _mlp.Predict(samples, outputs);
        outputs.GetArray(out float[] raw);
        int n = Labels.Count;
        var result = new float[features.Count][];
        for (int i = 0; i < features.Count; i++)
        {
            var p = new float[n];
            float max = float.MinValue;
            for (int k = 0; k < n; k++) max = Math.Max(max, raw[(i * n) + k]);
            float sum = 0;
            for (int k = 0; k < n; k++) sum += p[k] = MathF.Exp(4f * (raw[(i * n) + k] - max));
            for (int k = 0; k < n; k++) p[k] /= sum;
            result[i] = p;
        }

        return result;
    }

    /// <inheritdoc />
    public float[][] Classify(Mat grey, IReadOnlyList<Reading.GlyphBox> boxes)
    {
        _features ??= new GlyphFeatures();
        return Predict(boxes.Select(b => _features.Compute(grey, b)).ToList());
    }

    /// <summary>Loads the embedded model of <paramref name="region"/>, or null when none has been trained yet.</summary>
    public static GlyphClassifier? LoadEmbedded(string region)
    {
        var assembly = typeof(GlyphClassifier).Assembly;
        using Stream? model = assembly.GetManifestResourceStream($"model-{region}.yml.gz");
        using Stream? labels = assembly.GetManifestResourceStream($"model-{region}.labels.txt");
        if (model is null || labels is null) return null;
        using var gz = new GZipStream(model, CompressionMode.Decompress);
        using var yml = new StreamReader(gz);
        using var labelReader = new StreamReader(labels);
        return FromText(yml.ReadToEnd(), labelReader.ReadToEnd());
    }

    /// <summary>Loads a model from files (the trainer's output).</summary>
    public static GlyphClassifier LoadFiles(string modelGz, string labelsTxt)
    {
        using var gz = new GZipStream(File.OpenRead(modelGz), CompressionMode.Decompress);
        using var yml = new StreamReader(gz);
        return FromText(yml.ReadToEnd(), File.ReadAllText(labelsTxt));
    }

    private static GlyphClassifier FromText(string yml, string labels)
    {
        ANN_MLP mlp = ANN_MLP.LoadFromString(yml);
        string[] list = labels.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new GlyphClassifier(mlp, list);
    }

    public void Dispose()
    {
        _mlp.Dispose();
        _features?.Dispose();
    }
}
