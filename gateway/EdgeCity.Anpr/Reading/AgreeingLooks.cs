namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The line network's Korean readings of one frame level that were refused only because the glyph classifier could not
/// confirm a weak character (a motion-blurred class Hangul or digit: <c>PlateRecognizer.GlyphsConfirm</c>), each with
/// the line it was read on — and the readings of a plate body's half-pixel shifts, which passed every rule on their line
/// but which <see cref="PlateBodyRows.ShiftedReading"/> may refuse; where the level reports nothing else, a reading that
/// several lines read alike is reported (<see cref="Agreed"/>).
/// </summary>
/// <remarks>
/// The glyph classifier does not read a blurred class Hangul on any box (docs/anpr.md, <c>wip/anseg</c>), so its
/// refusal says nothing about whether the network is right there; the network misreads such a syllable about as often
/// as it reads it right. What told them apart on the 2,000 bench scenes (<c>wip/anrefused</c>) is whether the reading
/// stands on several lines placed independently — a row refitted through its characters, a plate body's line, that
/// line a half pixel higher or lower: the right ones were read on 3–7 such lines, every misread on one (its deblurred
/// second chance, the same line, read it again: 07아1176 of 07하1176). A misread that comes from how one row cuts the
/// plate does not survive another placement of the line; one the network makes whatever the line (a Latin W for V on
/// eleven looks of bench scene 1810) does — that is why region names and Latin readings are not pooled, and why
/// lines reading another text at the same place veto the agreement.
/// </remarks>
internal sealed class AgreeingLooks
{
    /// <summary>Lines that must read the same text (a line and its deblurred second chance are one).</summary>
    public const int MinLines = 3;

    /// <summary>
    /// How many lines reading the same text each line reading another text at the same place outweighs: 70어3835 read on
    /// six lines, 70머3835 on one (bench scene 825).
    /// </summary>
    public const int LinesPerDissent = 3;

    private readonly List<(int Line, PlateReading Reading)> _looks = [];
    private int _line;

    /// <summary>Looks held.</summary>
    public int Count => _looks.Count;

    /// <summary>
    /// Whether a refused Korean reading may be held: each character under the network's <paramref name="floor"/> is a
    /// digit or a class Hangul on the main line (a region name has its own rules, <c>RegionDispute</c> and
    /// <see cref="UnseenStackedName"/>, and is the network's commonest confident error; an upper strip's character has no
    /// place on the line).
    /// </summary>
    public static bool MayHold(LineReading reading, double floor) =>
        reading.Glyphs is { } glyphs && glyphs.All(g => g.Probability >= floor
            || (g.Box.Width > 1 && g.Label.Length == 1 && (char.IsAsciiDigit(g.Label[0]) || LabelSets.IsHangulSyllable(g.Label[0]))));

    /// <summary>Forgets the looks (a new frame level).</summary>
    public void Clear()
    {
        _looks.Clear();
        _line = 0;
    }

    /// <summary>A new line is read (a row's, a body's, a shifted body's warp); its deblurred second chance is not one.</summary>
    public void NewLine() => _line++;

    /// <summary>
    /// Holds <paramref name="reading"/>, refused for a weak character alone, as the current line's look — its first
    /// only: the second chance deblurs the same line, and where the first look read something its vote is cast.
    /// </summary>
    public void Add(PlateReading reading)
    {
        if (_looks.Count == 0 || _looks[^1].Line != _line) _looks.Add((_line, reading));
    }

    /// <summary>Drops the looks from index <paramref name="first"/> on that <paramref name="drop"/> names (a body's reading it may not report).</summary>
    public void DropFrom(int first, Func<PlateReading, bool> drop)
    {
        for (int i = _looks.Count - 1; i >= first; i--)
        {
            if (drop(_looks[i].Reading)) _looks.RemoveAt(i);
        }
    }

    /// <summary>
    /// Whether a look held at <paramref name="reading"/>'s place reads another text: a line refused only for a weak
    /// character read the plate otherwise (seed 5's 991: a row's 대전75사5010, its 0 unconfirmed at 0.89, against one shift
    /// of a body reading 대전25사5010 at 0.98 alone, <see cref="PlateBodyRows.ShiftedReading"/>).
    /// </summary>
    public bool Disputes(PlateReading reading) => _looks.Exists(l => l.Reading.Text != reading.Text && l.Reading.SamePlaceAs(reading));

    /// <summary>
    /// The reading at least <see cref="MinLines"/> lines read alike (the surest of them), unless the lines reading another
    /// text at its place are more than one in <see cref="LinesPerDissent"/> of them; null if none.
    /// </summary>
    public PlateReading? Agreed()
    {
        foreach (var group in _looks.GroupBy(l => l.Reading.Text).OrderByDescending(g => g.Count()))
        {
            int lines = group.Count();
            if (lines < MinLines) break;
            PlateReading best = group.MaxBy(l => l.Reading.Confidence).Reading;
            int dissent = _looks.Count(l => l.Reading.Text != best.Text && l.Reading.SamePlaceAs(best));
            if (dissent * LinesPerDissent <= lines) return best;
        }

        return null;
    }
}
