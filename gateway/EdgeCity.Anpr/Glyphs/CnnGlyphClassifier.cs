using System.Runtime.InteropServices;
using EdgeCity.Anpr.Reading;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace EdgeCity.Anpr.Glyphs;

/// <summary>
/// A region's convolutional glyph classifier: a small CNN (four 3×3 convolution layers, ~0.2 M parameters) over the
/// <see cref="GlyphImage"/> of each box, trained by <c>Models/train_cnn.py</c> from glyphs the repository renders and
/// augmented towards real photographs, run by OpenCV's own DNN module from the embedded ONNX file. All boxes of a
/// call go through the network as one batch.
/// </summary>
internal sealed class CnnGlyphClassifier : IGlyphClassifier
{
    private readonly Net _net;
    private readonly Dictionary<string, int> _index;

    private CnnGlyphClassifier(Net net, IReadOnlyList<string> labels)
    {
        _net = net;
        _net.SetPreferableBackend(Backend.OPENCV);
        _net.SetPreferableTarget(Target.CPU);
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
        var pixels = new byte[GlyphImage.Length];
        var input = new float[n * GlyphImage.Length];
        for (int i = 0; i < n; i++)
        {
            GlyphImage.Render(grey, boxes[i], pixels);
            for (int k = 0; k < pixels.Length; k++) input[(i * GlyphImage.Length) + k] = pixels[k] / 255f;
        }

        using var blob = new Mat([n, 1, GlyphImage.Side, GlyphImage.Side], MatType.CV_32FC1);
        Marshal.Copy(input, 0, blob.Data, input.Length);
        _net.SetInput(blob);
        using Mat output = _net.Forward();
        int classes = Labels.Count;
        if (output.Total() != (long)n * classes)
        {
            throw new InvalidOperationException($"glyph network answered {output.Total()} values for {n} glyphs × {classes} labels: the .onnx and its .cnn.labels.txt do not belong together");
        }

        var flat = new float[n * classes];
        Marshal.Copy(output.Data, flat, 0, flat.Length);
        var result = new float[n][];
        for (int i = 0; i < n; i++) result[i] = flat.AsSpan(i * classes, classes).ToArray();
        return result;
    }

    /// <summary>Loads the embedded network of <paramref name="region"/>, or null when none is built in.</summary>
    public static CnnGlyphClassifier? LoadEmbedded(string region)
    {
        var assembly = typeof(CnnGlyphClassifier).Assembly;
        using Stream? model = assembly.GetManifestResourceStream($"model-{region}.onnx");
        using Stream? labels = assembly.GetManifestResourceStream($"model-{region}.cnn.labels.txt");
        if (model is null || labels is null) return null;
        using var bytes = new MemoryStream();
        model.CopyTo(bytes);
        using var labelReader = new StreamReader(labels);
        return FromBytes(bytes.ToArray(), labelReader.ReadToEnd());
    }

    /// <summary>Loads a network from files (the trainer's output).</summary>
    public static CnnGlyphClassifier LoadFiles(string onnx, string labelsTxt) => FromBytes(File.ReadAllBytes(onnx), File.ReadAllText(labelsTxt));

    private static CnnGlyphClassifier FromBytes(byte[] onnx, string labels)
    {
        Net net = CvDnn.ReadNetFromOnnx(onnx) ?? throw new InvalidOperationException("OpenCV could not read the glyph network (ONNX)");
        if (net.Empty()) throw new InvalidOperationException("the glyph network (ONNX) is empty");
        string[] list = labels.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new CnnGlyphClassifier(net, list);
    }

    /// <inheritdoc />
    public void Dispose() => _net.Dispose();
}
