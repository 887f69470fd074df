namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The line network's 12가3456 reading that is the tail of a stacked-region plate (18자8655 of 경기18자8655): a stacked
/// name's ink (<see cref="StackedRegionSlot"/>) stands before its first digit in either polarity of the line. The
/// network's own check (<c>CrnnLineReader.LeavesOut</c>) looks at the segmenter's dark-ink boxes only; a row of the
/// plate's whole body is warped inverted (<see cref="InkPolarity"/>), its characters light, and there those boxes are
/// the gaps between characters, so no box stands under the first digit and the name before it goes unseen — a valid,
/// wrong plate. Both readers' layouts and this check ask the same slot.
/// </summary>
internal static class NamelessTail
{
    /// <summary>
    /// Whether <paramref name="reading"/> (the network's, its glyphs' boxes its tokens' places) begins with two digits
    /// and a Hangul and has a stacked name's ink before its first digit on <paramref name="line"/>, or on its inversion
    /// where <paramref name="line"/> has no box under that digit; a line that shows the reading's characters light
    /// (<see cref="InkPolarity.CharactersLight"/>) must show the name's ink turned round too: its dark box under the first
    /// digit is the plate's body around it, and the body's margin before that digit has a name's shape.
    /// </summary>
    public static bool Of(RectifiedLine line, LineReading reading)
    {
        if (reading.Glyphs is not { Count: 7 } g || !char.IsAsciiDigit(g[0].Label[0]) || !char.IsAsciiDigit(g[1].Label[0])
            || !LabelSets.IsHangulSyllable(g[2].Label[0]) || g[0].Box.Width <= 1) return false; // a first digit with no place of its own on the line (an upper strip's empty box, or a one-column place): no slot before it to look at
        double centre = g[0].Box.CentreX, pitch = g[1].Box.CentreX - centre;
        // The inversion only where no dark box stands under the first digit: on a line of dark characters the inverted
        // line's boxes are the gaps between and inside them, and a gap before a digit has a name's shape.
        bool? asShown = SlotBefore(line, centre, pitch);
        if (asShown == false) return false;
        if (asShown == true && !InkPolarity.CharactersLight(line, g.Select(x => (double)x.Box.CentreX).ToList())) return true;
        using RectifiedLine inverted = InkPolarity.Inverted(line);
        return SlotBefore(inverted, centre, pitch) == true;
    }

    // Whether a stacked name's ink stands before the first digit; null when no box stands under the digit's centre.
    private static bool? SlotBefore(RectifiedLine line, double centre, double pitch)
    {
        List<GlyphBox> boxes = GlyphSegmenter.SegmentMain(line, out _, 0.4);
        // The first digit: the box under its token's centre, no wider than two digits glued by motion blur (not the
        // plate's body).
        GlyphBox? first = boxes.Where(b => b.X <= centre + 1 && b.Right >= centre - 1 && b.Width <= 2.2 * pitch).Select(b => (GlyphBox?)b).FirstOrDefault();
        // With the pieces the segmenter cut off its left (CutFirstCharacter): a half of a wide 0 is no name.
        if (first is not { } under) return null;
        GlyphBox f = CutFirstCharacter.Whole(boxes, under, centre, pitch);
        return StackedRegionSlot.Find(boxes, f, pitch, Math.Min(f.Width, 0.8 * pitch)) is not null;
    }
}
