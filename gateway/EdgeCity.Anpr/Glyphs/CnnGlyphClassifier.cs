using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Reading;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace EdgeCity.Anpr.Glyphs;

/// <summary>
/// A region's convolutional glyph classifier: a small CNN (four 3×3 convolution layers, ~0.2 M parameters) over the
/// <see cref="GlyphImage"/> of each box, trained by <c>Models/train_cnn.py</c> from glyphs the repository renders and
/// augmented towards real photographs, run from the embedded ONNX file by ONNX Runtime on the calling thread (one
/// intra-op thread: the frame's CPU time stays on the reading thread). All boxes of a call go through the network as
/// one batch. ONNX Runtime runs this network 2.5× faster per glyph than OpenCV's DNN module did on one core of the
/// gateway (0.09 against 0.23 ms, same outputs to 1e-6; docs/anpr.md) — the difference between a frame over and under
/// the 20 ms budget.
/// </summary>
internal sealed class CnnGlyphClassifier : IGlyphClassifier
{
    private readonly OnnxNetwork _network;
    private readonly Dictionary<string, int> _index;

    private CnnGlyphClassifier(byte[] onnx, IReadOnlyList<string> labels)
    {
        _network = new OnnxNetwork(onnx, "glyph network");
        Labels = labels;
        _index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public int IndexOf(string label) => _index.TryGetValue(label, out int i) ? i : -1;

    /// <inheritdoc />
    public float[][] Classify(Mat grey, IReadOnlyList<GlyphBox> boxes)
    {
        int n = boxes.Count;
        if (n == 0) return [];
        using StageProfile.Scope profiled = StageProfile.Enter(Stage.GlyphCnn);
        var pixels = new byte[GlyphImage.Length];
        var input = new float[n * GlyphImage.Length];
        for (int i = 0; i < n; i++)
        {
            GlyphImage.Render(grey, boxes[i], pixels);
            for (int k = 0; k < pixels.Length; k++) input[(i * GlyphImage.Length) + k] = pixels[k] / 255f;
        }

        using IDisposableReadOnlyCollection<OrtValue> outputs = _network.Run(input, [n, 1, GlyphImage.Side, GlyphImage.Side]);
        ReadOnlySpan<float> flat = outputs[0].GetTensorDataAsSpan<float>();
        int classes = Labels.Count;
        if (flat.Length != n * classes)
        {
            throw new InvalidOperationException($"glyph network answered {flat.Length} values for {n} glyphs × {classes} labels: the .onnx and its .cnn.labels.txt do not belong together");
        }

        var result = new float[n][];
        for (int i = 0; i < n; i++) result[i] = flat.Slice(i * classes, classes).ToArray();
        return result;
    }

    /// <summary>Loads the embedded network of <paramref name="region"/>, or null when none is built in.</summary>
    public static CnnGlyphClassifier? LoadEmbedded(string region)
    {
        byte[]? model = OnnxNetwork.Embedded($"model-{region}.onnx"), labels = OnnxNetwork.Embedded($"model-{region}.cnn.labels.txt");
        return model is null || labels is null ? null : FromBytes(model, System.Text.Encoding.UTF8.GetString(labels));
    }

    /// <summary>Loads a network from files (the trainer's output).</summary>
    public static CnnGlyphClassifier LoadFiles(string onnx, string labelsTxt) => FromBytes(File.ReadAllBytes(onnx), File.ReadAllText(labelsTxt));

    private static CnnGlyphClassifier FromBytes(byte[] onnx, string labels)
    {
        string[] list = labels.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new CnnGlyphClassifier(onnx, list);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _network.Dispose();
    }
}
