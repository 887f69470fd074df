using EdgeCity.Anpr.Diagnostics;
using EdgeCity.Anpr.Glyphs;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// The line recognizer's network (<c>Models/crnn.onnx</c>, trained by <c>Models/train_crnn.py</c>): a
/// <see cref="CrnnLineImage"/> in, one probability row over the tokens (<c>crnn.labels.txt</c>, the first CTC's
/// blank) per four input columns out. Run by ONNX Runtime on the calling thread (one intra-op thread), as the glyph CNN.
/// </summary>
internal sealed class CrnnLineModel : IDisposable
{
    /// <summary>Input columns per output column (the network pools the width twice by 2).</summary>
    public const int ColumnStride = 4;

    private readonly OnnxNetwork _network;

    private CrnnLineModel(byte[] onnx, IReadOnlyList<string> tokens)
    {
        _network = new OnnxNetwork(onnx, "line network");
        if (tokens.Count < 2 || tokens[0] != Blank)
        {
            Dispose();
            throw new InvalidOperationException($"crnn.labels.txt must start with the CTC blank '{Blank}' and list the tokens after it; got {tokens.Count} lines starting '{tokens.FirstOrDefault()}'");
        }

        Tokens = tokens;
    }

    /// <summary>The blank's label in crnn.labels.txt.</summary>
    public const string Blank = "<blank>";

    /// <summary>The network's outputs in order; index 0 is the blank.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Per-column token probabilities of <paramref name="image"/> (8-bit, <see cref="CrnnLineImage.Height"/> rows): columns × tokens, row-major.</summary>
    public float[] Run(Mat image, out int columns)
    {
        if (image.Rows != CrnnLineImage.Height || image.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException($"line image must be 8-bit grey, {CrnnLineImage.Height} rows; got {image.Type()} {image.Cols}x{image.Rows}", nameof(image));
        }

        using StageProfile.Scope profiled = StageProfile.Enter(Stage.LineNetwork);
        int width = image.Cols;
        image.GetArray(out byte[] pixels);
        var input = new float[pixels.Length];
        for (int i = 0; i < pixels.Length; i++) input[i] = pixels[i] / 255f;
        using IDisposableReadOnlyCollection<OrtValue> outputs = _network.Run(input, [1, 1, CrnnLineImage.Height, width]);
        ReadOnlySpan<float> flat = outputs[0].GetTensorDataAsSpan<float>();
        if (flat.Length % Tokens.Count != 0)
        {
            throw new InvalidOperationException($"line network answered {flat.Length} values, not a multiple of its {Tokens.Count} tokens: the .onnx and crnn.labels.txt do not belong together");
        }

        columns = flat.Length / Tokens.Count;
        return flat.ToArray();
    }

    /// <summary>Loads the embedded network, or null when none is built in.</summary>
    public static CrnnLineModel? LoadEmbedded()
    {
        byte[]? model = OnnxNetwork.Embedded("model-crnn.onnx"), labels = OnnxNetwork.Embedded("model-crnn.labels.txt");
        return model is null || labels is null ? null : FromBytes(model, System.Text.Encoding.UTF8.GetString(labels));
    }

    /// <summary>Loads a network from files (the trainer's output).</summary>
    public static CrnnLineModel LoadFiles(string onnx, string labelsTxt) => FromBytes(File.ReadAllBytes(onnx), File.ReadAllText(labelsTxt));

    private static CrnnLineModel FromBytes(byte[] onnx, string labels) =>
        new(onnx, labels.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <inheritdoc />
    public void Dispose()
    {
        _network.Dispose();
    }
}
