namespace EdgeCity.Anpr;

/// <summary>Tuning of <see cref="PlateRecognizer"/>; the defaults are what the benchmark measures.</summary>
public sealed class RecognizerOptions
{
    /// <summary>Readings below this confidence (0…1) are not reported.</summary>
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>Readings with any glyph below this probability (0…1) are not reported: a plate with one doubtful character is a wrong plate.</summary>
    public double MinGlyphProbability { get; set; } = 0.3;

    /// <summary>At most this many candidate text lines are read per frame (those with a plate's number of characters first).</summary>
    public int MaxLinesPerFrame { get; set; } = 60;

    /// <summary>
    /// Which reader reads each rectified line: segmentation and glyphs, the line network (CRNN), or both (docs/anpr.md).
    /// Both by default: on the 2,000-scene bench exact 0.836 → 0.870 at the same false-plate rate (0.0085 per frame),
    /// for ~4 ms more a frame.
    /// </summary>
    public LineRecognition.LineReaderMode LineReader { get; set; } = LineRecognition.LineReaderMode.Both;

    /// <summary>Readings of the line network (CRNN) with any character below this probability (0…1) are not reported.</summary>
    public double MinLineCharacterProbability { get; set; } = 0.9;

    /// <summary>
    /// Reads a regional plate's name with the line network alone, without the name window (<c>Models/name.onnx</c>,
    /// <see cref="LineRecognition.NameWindowFusion"/>): the comparison the window was measured against.
    /// </summary>
    internal bool WithoutNameWindow { get; set; }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (MinConfidence is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(MinConfidence), MinConfidence, "expected 0…1");
        if (MinGlyphProbability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(MinGlyphProbability), MinGlyphProbability, "expected 0…1");
        if (MinLineCharacterProbability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(MinLineCharacterProbability), MinLineCharacterProbability, "expected 0…1");
        if (!Enum.IsDefined(LineReader)) throw new ArgumentOutOfRangeException(nameof(LineReader), LineReader, "expected one of " + string.Join(", ", Enum.GetNames<LineRecognition.LineReaderMode>()));
        if (MaxLinesPerFrame is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(MaxLinesPerFrame), MaxLinesPerFrame, "expected 1…1000");
    }
}
