using OpenCvSharp;

namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// A reader of a Korean regional plate's name alone (<c>Models/name.onnx</c>, trained by <c>Models/train_name.py</c>): a
/// small classifier of the line network's own input image (<see cref="CrnnLineImage"/>: the main line for a name
/// stacked small at its left, the upper strip for a two-line plate's) in a window around the network's place for the
/// name's token — the image's full height, two places wide (a place is the distance from the name's token to the next
/// token), resampled to <see cref="Columns"/> columns. The name's syllables are ~8 px on the bench's stacked plates and
/// the line network, reading the whole line, guesses among names that share a syllable (대구 read 제주, 경북 인천);
/// a classifier trained on that window alone reads them better (docs/anpr.md, "Measured", <c>wip/anregion</c>).
/// </summary>
internal sealed class NameWindowModel : IDisposable
{
    /// <summary>Window columns: two places of <see cref="ClassWindowModel.ColumnsPerPitch"/>.</summary>
    public const int Columns = 32;

    private readonly WindowClassifier _classifier;

    private NameWindowModel(WindowClassifier classifier)
    {
        _classifier = classifier;
    }

    /// <summary>The region names of the network's outputs, in order (without a token's prefix).</summary>
    public IReadOnlyList<string> Labels => _classifier.Labels;

    /// <summary>
    /// The classifier's distribution over the names for the name whose token's centre is at <paramref name="centre"/>
    /// px of <paramref name="image"/> (the network's input image), the next token's <paramref name="pitch"/> px right of it.
    /// </summary>
    public IReadOnlyDictionary<string, float> Read(Mat image, double centre, double pitch) =>
        _classifier.Classify(ClassWindowModel.Window(image, centre, pitch, Columns), Columns);

    /// <summary>Loads the embedded classifier, or null when none is built in.</summary>
    public static NameWindowModel? LoadEmbedded() =>
        WindowClassifier.LoadEmbedded("name", "region-name window classifier") is { } classifier ? new NameWindowModel(classifier) : null;

    /// <inheritdoc />
    public void Dispose()
    {
        _classifier.Dispose();
    }
}
