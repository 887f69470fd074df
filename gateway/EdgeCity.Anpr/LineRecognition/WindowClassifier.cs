using EdgeCity.Anpr.Glyphs;

namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// The small classifier both window readers run (<see cref="ClassWindowModel"/>'s <c>Models/class.onnx</c>,
/// <see cref="NameWindowModel"/>'s <c>Models/name.onnx</c>, each a <c>WindowNet</c> of <c>Models/window_training.py</c>): a
/// window of the line network's input image in (<see cref="CrnnLineImage.Height"/> rows, pixel / 255), the distribution
/// over its labels out. Each reader keeps only where its window lies and how wide it is.
/// </summary>
internal sealed class WindowClassifier : IDisposable
{
    private readonly OnnxNetwork _network;
    private readonly string _model;
    private readonly string _description;

    private WindowClassifier(byte[] onnx, IReadOnlyList<string> labels, string model, string description)
    {
        _network = new OnnxNetwork(onnx, description);
        Labels = labels;
        _model = model;
        _description = description;
    }

    /// <summary>The labels of the network's outputs, in order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The distribution over <see cref="Labels"/> of a window <paramref name="columns"/> wide (row-major).</summary>
    public Dictionary<string, float> Classify(float[] window, int columns)
    {
        using var outputs = _network.Run(window, [1, 1, CrnnLineImage.Height, columns]);
        ReadOnlySpan<float> p = outputs[0].GetTensorDataAsSpan<float>();
        if (p.Length != Labels.Count) throw new InvalidOperationException($"{_description} answered {p.Length} values for {Labels.Count} labels: {_model}.onnx and {_model}.labels.txt do not belong together");
        var distribution = new Dictionary<string, float>(StringComparer.Ordinal);
        for (int k = 0; k < p.Length; k++) distribution[Labels[k]] = p[k];
        return distribution;
    }

    /// <summary>
    /// Loads the embedded <c>model-{model}.onnx</c> and its <c>model-{model}.labels.txt</c>, or null when none is built in.
    /// </summary>
    public static WindowClassifier? LoadEmbedded(string model, string description)
    {
        byte[]? onnx = OnnxNetwork.Embedded($"model-{model}.onnx"), labels = OnnxNetwork.Embedded($"model-{model}.labels.txt");
        return onnx is null || labels is null
            ? null
            : new WindowClassifier(onnx, System.Text.Encoding.UTF8.GetString(labels).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), model, description);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _network.Dispose();
    }
}
