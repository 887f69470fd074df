using System.IO.Compression;
using OpenCvSharp;
using OpenCvSharp.ML;

namespace EdgeCity.Anpr.Glyphs;

/// <summary>
/// Trains a region's <see cref="GlyphClassifier"/>: an ANN_MLP (one hidden layer, symmetric sigmoid, stochastic back-propagation) on
/// labelled <see cref="GlyphFeatures"/> vectors, and writes <c>{region}.yml.gz</c> and <c>{region}.labels.txt</c>.
/// </summary>
internal static class GlyphModelTrainer
{
    /// <summary>Hidden units: enough for ~100 classes, small enough to classify a glyph in microseconds.</summary>
    public const int HiddenUnits = 96;

    /// <summary>
    /// Rare classes (a region name or Hangul seen in few scenes) are repeated up to this many samples, at most
    /// <see cref="MaxRepeat"/> times each, so stochastic training does not learn to ignore them.
    /// </summary>
    public const int MinPerClass = 150;

    /// <summary>The most copies of one sample that class balancing adds (more would only memorise those few).</summary>
    public const int MaxRepeat = 6;

    /// <summary>Every this-many-th sample is held out of training to report the classifier's glyph accuracy.</summary>
    public const int HoldOutEvery = 10;

    /// <summary>
    /// Trains by stochastic back-propagation (OpenCV's BACKPROP: one sample at a time in a shuffled order, so
    /// thousands of updates per epoch where full-batch RPROP makes one), for <paramref name="epochs"/> passes.
    /// Deterministic: OpenCV is limited to one thread, the network's weights start from ml's fixed seed, and the
    /// sample order and hold-out split depend only on the samples.
    /// </summary>
    public static GlyphClassifier Train(IReadOnlyList<(float[] Features, string Label)> samples, int epochs, Action<string>? log = null)
    {
        Cv2.SetNumThreads(1);
        var labels = samples.Select(s => s.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var held = new List<(float[] Features, string Label)>();
        var train = new List<(float[] Features, string Label)>();
        for (int i = 0; i < samples.Count; i++) (i % HoldOutEvery == HoldOutEvery - 1 ? held : train).Add(samples[i]);
        var balanced = new List<(float[] Features, string Label)>(train);
        foreach (var group in train.GroupBy(s => s.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToList();
            int extra = Math.Min(MinPerClass, members.Count * MaxRepeat) - members.Count;
            for (int k = 0; k < extra; k++) balanced.Add(members[k % members.Count]);
        }

        int n = balanced.Count, classes = labels.Count;
        var x = new float[n * GlyphFeatures.Length];
        var y = new float[n * classes];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(balanced[i].Features, 0, x, i * GlyphFeatures.Length, GlyphFeatures.Length);
            for (int k = 0; k < classes; k++) y[(i * classes) + k] = -1;
            y[(i * classes) + index[balanced[i].Label]] = 1;
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
        mlp.SetTrainMethod(ANN_MLP.TrainingMethods.BackProp, 0.1, 0.1);
        mlp.TermCriteria = new TermCriteria(CriteriaTypes.MaxIter | CriteriaTypes.Eps, epochs, 1e-6);
        log?.Invoke($"training an MLP {GlyphFeatures.Length}-{HiddenUnits}-{classes} by back-propagation on {n} glyphs ({train.Count} before balancing, {held.Count} held out; {epochs} epochs at most)");
        mlp.Train(inputs, SampleTypes.RowSample, outputs);
        var classifier = new GlyphClassifier(mlp, labels);
        if (held.Count > 0)
        {
            float[][] p = classifier.Predict(held.Select(h => h.Features).ToList());
            int right = 0;
            for (int i = 0; i < held.Count; i++)
            {
                int best = 0;
                for (int k = 1; k < classes; k++) if (p[i][k] > p[i][best]) best = k;
                if (labels[best] == held[i].Label) right++;
            }

            log?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"held-out glyph accuracy {right}/{held.Count} = {(double)right / held.Count:0.0000}"));
        }

        return classifier;
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
