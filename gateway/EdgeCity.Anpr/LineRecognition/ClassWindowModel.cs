using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// A third reader of a Korean plate's class Hangul (<c>Models/class.onnx</c>, trained by <c>Models/train_class.py</c>):
/// a small classifier of the line network's own input image (<see cref="CrnnLineImage"/>) in a window around the
/// network's place for the syllable — the line's full height, 1.5 of the place's widths (a character pitch) wide,
/// resampled to <see cref="Columns"/> columns. Trained on generated lines with moving cars' motion blur, where the line
/// network reads 아 for 마 and the glyph CNN sees no syllable on a box cut from glued ink. Not a segmented box: the
/// window is where the network says the syllable is, whatever the segmenter made of the blurred run.
/// </summary>
internal sealed class ClassWindowModel : IDisposable
{
    /// <summary>Window columns per character pitch (the network's place's width).</summary>
    public const int ColumnsPerPitch = 16;

    /// <summary>Window columns: 1.5 pitches.</summary>
    public const int Columns = 24;

    // The cut-offs the model's probabilities are read with belong to the model: a retrained one is sure in another way
    // (wip/anclass4's models moved bench plates at these). For a new model, Models/calibrate_class.py (train.sh) gives
    // the values at which it accepts a wrong syllable no more often than the model before it did at its own, on
    // generated lines no model learnt from; they go here with the model. These are the committed model's, set on the
    // bench (docs/anpr.md, wip/anclass2). Its calibration (wip/anclass5): 2,106 kr main lines of seed 3000's 1,500
    // scenes + 1,500 moving cars' scenes, each also 3 times under train_class.HardConditions at 0.5 (16,844 windows):
    // window right on 15,961; 13 wrong syllables at >= 0.93 (11,780 right); 46 dissents from a right network syllable
    // at 0.8 / 0.1 (160 from a wrong one). Retrained with --hard-share 0.15 and 0.25 the models matched it at 0.905 /
    // 0.81 / 0.20 and 0.915 / 0.812 / 0.11, and neither was kept on the bench (seed 6: 880 170아3442 false again).

    /// <summary>
    /// The least share of the window's probability its first syllable must hold to join the fusion of a disputed class
    /// Hangul (<see cref="Reading.SyllableFusion.MinSureWindow"/>).
    /// </summary>
    public const float MinSureShare = 0.93f;

    /// <summary>
    /// The least share of the window's probability its first syllable must hold to dissent from a reading both readers
    /// agree on (<see cref="Reading.ClassWindowDissent"/>).
    /// </summary>
    public const float MinDissentShare = 0.8f;

    /// <summary>The most share of the window's probability the reading's own syllable may hold where the window dissents.</summary>
    public const float MaxDissentOwnShare = 0.1f;

    private readonly WindowClassifier _classifier;

    private ClassWindowModel(WindowClassifier classifier)
    {
        _classifier = classifier;
    }

    /// <summary>The syllables of the network's outputs, in order.</summary>
    public IReadOnlyList<string> Labels => _classifier.Labels;

    /// <summary>
    /// The classifier's distribution over its syllables for the class Hangul whose network place (px of
    /// <paramref name="line"/>, <see cref="CrnnLineReader"/>) is <paramref name="place"/>; null where the line makes no
    /// network image or the place has no width.
    /// </summary>
    public IReadOnlyDictionary<string, float>? Read(RectifiedLine line, GlyphBox place)
    {
        if (place.Width <= 1) return null;
        using Mat? image = CrnnLineImage.Main(line);
        if (image is null) return null;
        double scale = (double)image.Cols / line.Width;
        return _classifier.Classify(Window(image, (place.X + (place.Width / 2.0)) * scale, place.Width * scale), Columns);
    }

    /// <summary>
    /// The window (pixel / 255, row-major, <see cref="CrnnLineImage.Height"/> × <see cref="Columns"/>): columns sampled at
    /// pitch / <see cref="ColumnsPerPitch"/> spacing centred at <paramref name="centre"/>, each interpolated linearly
    /// between its two nearest columns, the image's edge columns repeated beyond it — <c>window</c> in Models/window_training.py;
    /// <paramref name="columns"/> wide (the region name's window, <see cref="NameWindowModel"/>, is wider).
    /// </summary>
    internal static float[] Window(Mat image, double centre, double pitch, int columns = Columns)
    {
        image.GetArray(out byte[] pixels);
        int width = image.Cols, height = image.Rows;
        var window = new float[height * columns];
        double step = pitch / ColumnsPerPitch;
        for (int j = 0; j < columns; j++)
        {
            double x = Math.Clamp(centre - (columns / 2.0 * step) + ((j + 0.5) * step) - 0.5, 0, width - 1);
            int x0 = (int)Math.Floor(x), x1 = Math.Min(x0 + 1, width - 1);
            float f = (float)(x - x0);
            for (int y = 0; y < height; y++)
            {
                window[(y * columns) + j] = ((pixels[(y * width) + x0] * (1 - f)) + (pixels[(y * width) + x1] * f)) / 255f;
            }
        }

        return window;
    }

    /// <summary>Loads the embedded classifier, or null when none is built in.</summary>
    public static ClassWindowModel? LoadEmbedded() =>
        WindowClassifier.LoadEmbedded("class", "class-syllable window classifier") is { } classifier ? new ClassWindowModel(classifier) : null;

    /// <inheritdoc />
    public void Dispose()
    {
        _classifier.Dispose();
    }
}
