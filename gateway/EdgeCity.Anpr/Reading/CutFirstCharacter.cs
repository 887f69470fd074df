namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The line network's first character as the segmenter's boxes hold it, with the pieces the segmenter cut off its left
/// side put back. A wide character on a near, sharp plate (a 0 of 06바9610) can be cut down its middle into two boxes
/// half a pitch apart; the box under the token's centre is then the right half, and the left half stands "before the
/// first character" — to the checks that ask what stands there (a left-out character, a stacked name's ink:
/// <c>CrnnLineReader.LeavesOut</c>, <see cref="NamelessTail"/>) it looked like a character or a name, and the
/// network's right reading was refused while the glyph reader reported the halves as two 0s (006바9610). A character
/// left out or a stacked name stands a pitch or more before the first character's centre; a piece of the first
/// character stands within half a pitch of it.
/// </summary>
internal static class CutFirstCharacter
{
    /// <summary>
    /// <paramref name="first"/> (the box under the first token's centre <paramref name="centre"/>) joined with every box of
    /// <paramref name="boxes"/> before it whose centre lies less than half <paramref name="pitch"/> before
    /// <paramref name="centre"/>; <paramref name="first"/> itself where there is none.
    /// </summary>
    public static GlyphBox Whole(IEnumerable<GlyphBox> boxes, GlyphBox first, double centre, double pitch)
    {
        List<GlyphBox> pieces = boxes.Where(b => b.Right <= first.X + 1 && b.CentreX > centre - (0.5 * pitch)).ToList();
        return pieces.Count == 0 ? first : GlyphBox.Union(pieces.Append(first));
    }
}
