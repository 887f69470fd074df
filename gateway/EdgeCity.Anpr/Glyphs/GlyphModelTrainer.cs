using System.IO.Compression;
using OpenCvSharp;
using OpenCvSharp.ML;

namespace EdgeCity.Anpr.Glyphs;

/// <summary>
/// Trains a region's <see cref="GlyphClassifier"/>: an ANN_MLP (one hidden layer, symmetric sigmoid, RPROP) on
/// labelled <see cref="GlyphFeatures"/> vectors, and writes <c>{region}.yml.gz</c> and <c>{region}.labels.txt</c>.
/// </summary>
internal static class GlyphModelTrainer
{
    /// <summary>Hidden units: enough for ~100 classes, small enough to classify a glyph in microseconds.</summary>
    public const int HiddenUnits = 96;

    public static GlyphClassifier Train(IReadOnlyList<(float[] Features, string Label)> samples, int iterations, Action<string>? log = null)
    {
        var labels = samples.Select(s => s.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        int n = samples.Count, classes = labels.Count;
        var x = new float[n * GlyphFeatures.Length];
        var y = new float[n * classes];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(samples[i].Features, 0, x, i * GlyphFeatures.Length, GlyphFeatures.Length);
            for (int k = 0; k < classes; k++) y[(i * classes) + k] = -1;
            y[(i * classes) + index[samples[i].Label]] = 1;
        }

        using var inputs = new Mat(n, GlyphFeatures.Length, MatType.CV_32FC1);
        inputs.SetArray(x);
        using var outputs = new Mat(n, classes, MatType.CV_32FC1);
        outputs.SetArray(y);
        using var layers = new Mat(1, 3, MatType.CV_32SC1);
        layers.SetArray(new[] { GlyphFeatures.Length, HiddenUnits, classes });
        ANN_MLP mlp = ANN_MLP.Create();
        mlp.SetLayerSizes(layers);
        mlp.SetActivationFunction(ANN_MLP.ActivationFunctions.SigmoidSym, 1, 1);
        mlp.SetTrainMethod(ANN_MLP.TrainingMethods.RProp, 0.1, 1.19e-7);
        mlp.TermCriteria = new TermCriteria(CriteriaTypes.MaxIter | CriteriaTypes.Eps, iterations, 1e-5);
        log?.Invoke($"training an MLP {GlyphFeatures.Length}-{HiddenUnits}-{classes} on {n} glyphs ({iterations} iterations at most)");
        mlp.Train(inputs, SampleTypes.RowSample, outputs);
        return new GlyphClassifier(mlp, labels);
    }

    public static void Save(GlyphClassifier classifier, string directory, string region)
    {
        string yml = Path.Combine(Path.GetTempPath(), $"anpr-{region}-{Environment.ProcessId}.yml");
        classifier.Network.Save(yml);
        using (var output = File.Create(Path.Combine(directory, $"{region}.yml.gz")))
        using (var gz = new GZipStream(output, CompressionLevel.SmallestSize))
        using (var input = File.OpenRead(yml))
        {
            input.CopyTo(gz);
        }

        File.Delete(yml);
        File.WriteAllText(Path.Combine(directory, $"{region}.labels.txt"), string.Join('\n', classifier.Labels) + "\n");
    }
}
