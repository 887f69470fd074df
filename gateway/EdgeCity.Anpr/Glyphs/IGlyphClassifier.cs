using EdgeCity.Anpr.Reading;
using OpenCvSharp;

namespace EdgeCity.Anpr.Glyphs;

/// <summary>
/// Classifies glyph boxes of a rectified line into a region's labels: single characters, region names ("R:서울" side by
/// side, "S:서울" stacked) and <see cref="GlyphClassifier.Junk"/> for anything that is not a glyph. Implemented by the
/// convolutional network the recognizer uses (<see cref="CnnGlyphClassifier"/>) and by the older HOG + MLP
/// (<see cref="GlyphClassifier"/>), kept for comparison and as the fallback when no network is built in.
/// </summary>
internal interface IGlyphClassifier : IDisposable
{
    /// <summary>Output labels, in output order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Index of <paramref name="label"/>, or −1.</summary>
    int IndexOf(string label);

    /// <summary>Class probabilities (summing to 1) of each box of <paramref name="grey"/>, all boxes in one batch.</summary>
    float[][] Classify(Mat grey, IReadOnlyList<GlyphBox> boxes);
}
