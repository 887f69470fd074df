namespace EdgeCity.Anpr.Reading;

/// <summary>
/// One way to read a Korean main line's boxes: k leading digits (0 for a two-line plate's lower line), the Hangul
/// syllable (the union of the boxes between the digit groups), four trailing digits, and for the stacked layout the
/// region name box at the left. <see cref="GeometryPenalty"/> says how far it is from a regular plate;
/// <see cref="LeavesOutCharacter"/> that a character-sized box right beside it is not part of it (<see cref="LeftOut"/>:
/// those boxes, which the reader shows the glyph classifier before it believes geometry; <see cref="RegionSlot"/>: a
/// stacked region's ink before two leading digits, <see cref="StackedRegionSlot"/>, which it does not).
/// </summary>
internal sealed record KoreanLayoutHypothesis(
    string Layout, IReadOnlyList<GlyphBox> Leading, GlyphBox Hangul, IReadOnlyList<GlyphBox> Trailing, GlyphBox? Region, double GeometryPenalty,
    bool LeavesOutCharacter = false, IReadOnlyList<GlyphBox>? LeftOut = null, GlyphBox? RegionSlot = null)
{
    public IEnumerable<GlyphBox> Digits => Leading.Concat(Trailing);

    public GlyphBox Extent => GlyphBox.Union(Digits.Append(Hangul).Concat(Region is { } r ? [r] : []));
}
