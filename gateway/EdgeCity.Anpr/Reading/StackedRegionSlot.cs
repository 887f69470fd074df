namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The place of an older plate's stacked region name (서울 of 서울32자6493: two small syllables one above the other,
/// together about a character tall) just before the first of two leading digits. A 12가3456 reading with ink of that
/// shape there is the tail of a regional plate whose region was not read as a whole — the name's syllables are small
/// and thin, so one of them is often lost to the threshold or glued to the plate's rim — and reporting it would give
/// a valid-looking, wrong plate (32자6493). The slot box is not shown to the glyph classifier's "not a glyph" veto:
/// the network is weakest on exactly these boxes (a half name, a name at a small scale), and calls most of them junk.
/// </summary>
internal static class StackedRegionSlot
{
    /// <summary>
    /// The box of the ink in the stacked region's place before <paramref name="firstDigit"/>, or null: the union of the
    /// boxes of <paramref name="all"/> (its syllables, or their parts: 대구 comes apart in pieces) ending left of the digit
    /// at most 1.3 pitches from it (the gap the stacked layout allows) and starting no more than 2.6 pitches before it;
    /// at least 0.4 of the digit's height (one syllable of the pair), its middle within the digit's rows (a bolt above
    /// the line is not), from half a digit's width to a pitch and a third wide (a frame edge or the rim is narrower,
    /// the car wider), and not running on beyond the band's top, bottom or left end (the car, a frame's side).
    /// </summary>
    public static GlyphBox? Find(List<GlyphBox> all, GlyphBox firstDigit, double pitch, double digitWidth)
    {
        var parts = new List<GlyphBox>();
        foreach (GlyphBox b in all)
        {
            if (b.Right > firstDigit.X + 1 || firstDigit.X - b.Right >= 1.3 * pitch || b.X < firstDigit.X - (2.6 * pitch) || b.Width < 3) continue;
            parts.Add(b);
        }

        if (parts.Count == 0) return null;
        GlyphBox box = GlyphBox.Union(parts);
        double middle = box.Y + (box.Height / 2.0);
        bool shaped = box.Height >= 0.4 * firstDigit.Height && box.Height <= 1.25 * firstDigit.Height
            && middle > firstDigit.Y && middle < firstDigit.Bottom
            && box.Width >= Math.Max(3, 0.5 * digitWidth) && box.Width <= 1.3 * pitch
            && box.X > 0 && box.Y > RectifiedLine.MainTop - 3 && box.Bottom < RectifiedLine.Rows;
        return shaped ? box : null;
    }
}
