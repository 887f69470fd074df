using System.Text.Json;
using EdgeCity.Anpr.Glyphs;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A learned judge of a reading refused only for confidence (<see cref="RefusedReadingFeatures"/>): each hand rule
/// weighs one number against one threshold; this weighs all of a refused reading's evidence together — a logistic
/// regression on the standardised features, trained by Models/train_verifier.py on readings of training-seed scenes
/// labelled "the plate's text", its threshold chosen on held-out training scenes for a precision of ~0.99 (a false
/// plate costs more than a lost one). Models/verifier.json, embedded; none built in, nothing accepted.
/// </summary>
internal sealed class RefusedReadingVerifier
{
    private readonly double[] _mean, _scale, _weights;
    private readonly double _bias;

    private RefusedReadingVerifier(double[] mean, double[] scale, double[] weights, double bias, double threshold)
    {
        (_mean, _scale, _weights, _bias, Threshold) = (mean, scale, weights, bias, threshold);
    }

    /// <summary>The probability a reading must reach to be reported.</summary>
    public double Threshold { get; }

    /// <summary>The model's probability that the reading of <paramref name="features"/> is the plate's text.</summary>
    public double Probability(double[] features)
    {
        double z = _bias;
        for (int i = 0; i < _weights.Length; i++) z += _weights[i] * ((features[i] - _mean[i]) / _scale[i]);
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The embedded model (Models/verifier.json), or null if none is built in or its features are not these.</summary>
    public static RefusedReadingVerifier? LoadEmbedded() =>
        OnnxNetwork.Embedded("model-verifier.json") is { } json ? Parse(json) : null;

    internal static RefusedReadingVerifier? Parse(byte[] json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        string[] names = root.GetProperty("features").EnumerateArray().Select(e => e.GetString()!).ToArray();
        if (!names.SequenceEqual(RefusedReadingFeatures.Names)) return null;
        double[] Array(string p) => root.GetProperty(p).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new RefusedReadingVerifier(Array("mean"), Array("scale"), Array("weights"), root.GetProperty("bias").GetDouble(), root.GetProperty("threshold").GetDouble());
    }
}
