using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A stacked-region plate's name at the final warp's left edge. The warp reaches <see cref="LineRectifier.LeftExtension"/>
/// character heights before the row's first full-height character; a stacked name (서울 of 서울32자6493) stands up to ~1.4
/// of them before the first digit, so on a small, turned or blurred plate whose row's height or left end is a little off
/// the name is cut by the edge or left outside: the reader reads the plate's tail alone (86아5882 of 인천86아5882, a valid
/// 12가3456 plate) or the name's cut half as another name. Such a reading is read again on a warp reaching
/// <see cref="WideLeftExtension"/> heights, and the wider reading replaces it only where it is the same plate's tail with a
/// stacked name before it. Widening every warp instead (2,000 scenes: +7 −10 plates, false plates 8 → 13) moves the
/// threshold and the "cut by the warp's edge" rule of every line: a tail whose name the edge cut (00사8213 of 충북00사8213)
/// was then reported.
/// </summary>
internal static class StackedNameRoom
{
    /// <summary>The wider warp's extra width at the left, in character heights.</summary>
    public const float WideLeftExtension = 2.0f;

    /// <summary>
    /// How much room a 12가3456 reading's box leaves before it on its warp, in character heights, below which a stacked name
    /// cannot stand there whole: the name stands with its gap up to ~1.4 heights before the first digit, and the box begins
    /// a sixth of a height before that digit. A plate whose row was found whole leaves <see cref="LineRectifier.LeftExtension"/>
    /// less the box's margin (2,000 scenes: 550 of 555 such readings leave 1.0 or more, most 1.3–1.6), so only a row whose
    /// left end or height came out wrong (a small, turned or crooked plate: 5 readings, 2 of them stacked plates' tails) is
    /// read again — not every 12가3456 reading, which cost +3 ms on those frames (<c>wip/anstack3</c>).
    /// </summary>
    public const float NameRoom = 1.0f;

    /// <summary>How near the warp's left edge a stacked reading's box begins for its name to be looked at again, in character heights.</summary>
    public const float NearEdge = 0.5f;

    /// <summary>The format of a plate with no name before its two digits (12가3456), which a stacked plate's tail reads as.</summary>
    internal const string TwoDigitFormat = "kr-2digit";
    private const string StackedFormat = "kr-regional-stacked";

    /// <summary>
    /// Whether <paramref name="reading"/> of <paramref name="line"/> may be short of its stacked name at the warp's left edge:
    /// a 12가3456 reading (a stacked plate's tail reads as one) whose box begins within <see cref="NameRoom"/> character
    /// heights of the edge, or a stacked reading whose box begins within <see cref="NearEdge"/> of it (its name cut).
    /// Ink left of a plate (a sticker, a dealer's mark, the rim) does not make a reading wanted: only the room does.
    /// </summary>
    public static bool Wants(PlateReading reading, RectifiedLine line)
    {
        float room = reading.Format switch { TwoDigitFormat => NameRoom, StackedFormat => NearEdge, _ => 0 };
        if (room == 0) return false;
        // The box's left end at its middle, mapped back into the warp, where a character height is CharHeight whatever the
        // row's size or tilt in the frame.
        using Mat toLine = line.ToFrame.Inv().ToMat();
        Point2f[] left = Homography.Map([new Point2f(reading.X, reading.Y + (reading.Height / 2f))], toLine);
        return left[0].X < room * RectifiedLine.CharHeight;
    }

    /// <summary>
    /// What is reported of <paramref name="narrow"/> read again on the <paramref name="wide"/> warp: the wider reading where
    /// it is a stacked plate ending in the narrow one's tail; nothing where a 12가3456 reading reads no plate on the wider
    /// warp while a reader read a name (Hangul syllables) before that tail there (<paramref name="wideUnreported"/>, either
    /// reader's reading before its floors and rules: a name refused there as weak or cut by the edge; a sticker or a mark
    /// left of a plain plate read as a digit does not refuse it); else <paramref name="narrow"/> (a plate whose
    /// wider warp reads it as weakly as before, 10머1969, stands).
    /// </summary>
    public static PlateReading? Choose(PlateReading narrow, PlateReading? wide, IEnumerable<string> wideUnreported)
    {
        if (wide is null)
        {
            bool more = narrow.Format == TwoDigitFormat && wideUnreported.Any(t => IsNamed(t, narrow.Text));
            return more ? null : narrow;
        }

        if (wide.Format != StackedFormat) return narrow;
        string tail = narrow.Format == StackedFormat ? narrow.Text[2..] : narrow.Text;
        return wide.Text[2..] == tail ? wide : narrow;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is <paramref name="tail"/> with a name before it: Hangul syllables only (a sticker or
    /// a bolt left of a plain plate reads as a digit or nothing, not as a region's syllables).
    /// </summary>
    internal static bool IsNamed(string text, string tail) =>
        text.Length > tail.Length && text.EndsWith(tail, StringComparison.Ordinal) && text[..^tail.Length].All(LabelSets.IsHangulSyllable);
}
