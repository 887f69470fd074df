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

    /// <summary>How near the warp's left edge a stacked reading's box begins for its name to be looked at again, in row heights.</summary>
    public const float NearEdge = 0.5f;

    private const string TwoDigitFormat = "kr-2digit";
    private const string StackedFormat = "kr-regional-stacked";

    /// <summary>
    /// Whether <paramref name="reading"/> of <paramref name="line"/> (a row <paramref name="rowHeight"/> frame px tall) may be
    /// short of its stacked name: a 12가3456 reading (a stacked plate's tail reads as one), or a stacked reading whose box
    /// begins within <see cref="NearEdge"/> row heights of the warp's left edge.
    /// </summary>
    public static bool Wants(PlateReading reading, RectifiedLine line, float rowHeight)
    {
        if (reading.Format == TwoDigitFormat) return true;
        if (reading.Format != StackedFormat) return false;
        int warpLeft = line.FrameBox(new OpenCvSharp.Rect(0, 0, 1, RectifiedLine.Rows)).X;
        return reading.X - warpLeft < NearEdge * rowHeight;
    }

    /// <summary>
    /// What is reported of <paramref name="narrow"/> read again on the <paramref name="wide"/> warp: the wider reading where
    /// it is a stacked plate ending in the narrow one's tail; nothing where a 12가3456 reading reads no plate on the wider
    /// warp while a reader read more before that tail there (<paramref name="wideUnreported"/>, either reader's reading before
    /// its floors and rules: a name, refused there as weak or cut by the edge); else <paramref name="narrow"/> (a plate whose
    /// wider warp reads it as weakly as before, 10머1969, stands).
    /// </summary>
    public static PlateReading? Choose(PlateReading narrow, PlateReading? wide, IEnumerable<string> wideUnreported)
    {
        if (wide is null)
        {
            bool more = narrow.Format == TwoDigitFormat && wideUnreported.Any(t => t.Length > narrow.Text.Length && t.EndsWith(narrow.Text, StringComparison.Ordinal));
            return more ? null : narrow;
        }

        if (wide.Format != StackedFormat) return narrow;
        string tail = narrow.Format == StackedFormat ? narrow.Text[2..] : narrow.Text;
        return wide.Text[2..] == tail ? wide : narrow;
    }
}
