namespace EdgeCity.Anpr.Reading;

/// <summary>A training sample: a glyph box of a rectified line and its true label (or junk).</summary>
internal readonly record struct LabelledGlyph(GlyphBox Box, string Label);
