namespace EdgeCity.Anpr.LineRecognition;

/// <summary>Which reader reads a rectified line (<see cref="RecognizerOptions.LineReader"/>; docs/anpr.md, "Line recognizer").</summary>
public enum LineReaderMode
{
    /// <summary>Segmentation and the glyph classifier only.</summary>
    Glyphs,

    /// <summary>The line network (CRNN) only.</summary>
    Crnn,

    /// <summary>The glyph reader; the line network where the glyph reader reports nothing.</summary>
    GlyphsThenCrnn,

    /// <summary>Both; when they disagree, the more confident valid reading.</summary>
    Both,
}
