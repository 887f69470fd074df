namespace EdgeCity.Anpr.Reading;

/// <summary>
/// An EU plate's last characters beyond its final warp's right edge. The warp reaches
/// <see cref="LineRectifier.RightExtension"/> character heights past the row's last full-height character, and the refit
/// continues a row only to characters within 0.8 of a height of its end, on its top and bottom: an EU plate's characters
/// stand in groups with a wider gap between them (AW 424 FR), and its last character may be glued to the rim, so a row
/// that stops at a group's gap or before such a character leaves the rest outside the warp, or cut by its edge. The reading
/// is then a shorter text that is itself a valid EU plate (03NCL of 03NCL8, AW424 of AW424FR) — no format rules it out, as
/// a Korean plate's four trailing digits do. So every EU reading is read again on a warp reaching as far right as the warp
/// reaches left (<see cref="WideRightExtension"/>), and a longer reading there that begins with it replaces it.
/// Widening every EU warp instead (seeds 2 and 3, 1,000 scenes each: +3 −1 plates, but false plates 16 → 17: a sign's 0TEL
/// and H2000 read on rows that read nothing before, M944YH of MK944YH, C7753TF of CW753TF) moves what both readers see on
/// every row; read again only after a reading, every row that read no plate is read as before.
/// The wider warp is read only where it shows a box beyond the row (<see cref="MayGoOn"/>): on seeds 2–4, 34 of 453 EU
/// readings, both the readings the rule changes there among them (docs/anpr.md, `wip/anquick`).
/// </summary>
internal static class LatinLastGroup
{
    /// <summary>The wider warp's extra width at the right, in character heights (the warp's left extension, <see cref="LineRectifier.LeftExtension"/>).</summary>
    public const float WideRightExtension = LineRectifier.LeftExtension;

    /// <summary>
    /// What is reported of <paramref name="narrow"/> read again on the wider warp: the <paramref name="wide"/> reading where it
    /// is longer and begins with the narrow one (the plate's last characters found); nothing where the wider warp reports no
    /// plate while a reader read a longer text holding it there before its floors and rules (<paramref name="wideUnreported"/>:
    /// the narrow reading is part of a text that goes on, at its end or, the narrow warp's readers having left some out, at
    /// its start); else <paramref name="narrow"/> (what stands right of a whole plate —
    /// its rim, a bolt, a frame — reads as nothing more, or as another reading that does not extend it).
    /// </summary>
    public static PlateReading? Choose(PlateReading narrow, PlateReading? wide, IEnumerable<string> wideUnreported)
    {
        if (wide is not null) return Extends(wide.Text, narrow.Text) ? wide : narrow;
        return wideUnreported.Any(t => Holds(t, narrow.Text)) ? null : narrow;
    }

    /// <summary>
    /// Whether <paramref name="wide"/> (the row warped wider, by a multiple of <see cref="WideRightExtension"/>) shows ink beyond
    /// what was read already — the row's right end, plus <paramref name="readExtension"/> character heights where a wider warp
    /// was read before — that could be more of its text: a box of its main line's segmentation (the Latin reader's, at least
    /// <see cref="MinGlyphHeight"/> of a character tall) reaching more than <see cref="MinReach"/> of a character height past
    /// it. A whole plate's warp shows there its margin, its rim (a line spanning the band, no
    /// glyph) and the car; the readers then read the line as the narrow warp did, and neither reads on (~2.5 ms spared).
    /// </summary>
    public static bool MayGoOn(RectifiedLine wide, float readExtension = 0)
    {
        const int h = RectifiedLine.CharHeight;
        double readRight = wide.Width - ((wide.RightExtension - readExtension) * h);
        return GlyphSegmenter.SegmentMain(wide, out _, MinGlyphHeight).Any(b => b.Right > readRight + (MinReach * h));
    }

    /// <summary>
    /// How many times a reading is read again on a warp one <see cref="WideRightExtension"/> wider, each time only where the
    /// last wider warp's reading extended the one before: a plate's last group may stand beyond the first wider warp too
    /// (BU691HX, seed 8: the row stops at the group gap after BU691, the first wider warp ends at the H, the X beyond it).
    /// </summary>
    public const int MaxWidenings = 2;

    /// <summary>The least height of a box that may be a character beyond the row, in character heights (the Latin reader's segmentation floor).</summary>
    private const double MinGlyphHeight = 0.3;

    /// <summary>How far past the row's last character such a box must reach, in character heights.</summary>
    private const double MinReach = 0.25;

    private static bool Extends(string text, string start) => text.Length > start.Length && text.StartsWith(start, StringComparison.Ordinal);

    // A longer text with part inside it: read before or after it (TTT15 of T15, whose first two Ts the narrow warp's
    // readers left out and the wider warp's read, refusing the whole).
    private static bool Holds(string text, string part) => text.Length > part.Length && text.Contains(part, StringComparison.Ordinal);
}
