using System.Text.Json;
using EdgeCity.Anpr.Glyphs;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A learned judge of a reading refused only for confidence (<see cref="RefusedReadingFeatures"/>): each hand rule
/// weighs one number against one threshold; this weighs all of a refused reading's evidence together — a logistic
/// regression on the standardised features, trained by Models/train_verifier.py on readings of training-seed scenes
/// (3000, 4000) labelled "the plate's text". Its threshold, 0.75, was read off the out-of-fold probabilities of those
/// scenes: a precision of 0.99 there accepts 2 of 419 readings and no frame's plate (the evidence does not tell a
/// blurred 마 from 아 that surely), while 0.75 accepts 35 right readings for 6 wrong, 8 plates for 2 false plates in
/// 4,000 scenes' frames that did not read their plate. Models/verifier.json, embedded; none built in, nothing accepted.
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
