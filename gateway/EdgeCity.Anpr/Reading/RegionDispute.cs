namespace EdgeCity.Anpr.Reading;

/// <summary>
/// What is reported of a Korean line when its two readers (the glyph reader and the line network) read the same plate
/// — the same class Hangul and four digits — with different region names or one of them with none. Region names are
/// where both readers are weakest (two small syllables stacked in one character's height, or a small upper line),
/// and a plate with the wrong or no region is a wrong plate to a watch-list; the next frame of the same car may settle it.
/// <list type="bullet">
/// <item>A reading without a name, where the other reader reads a name (P ≥ 0.3, a reported glyph's floor) before the
/// same characters, is not reported: the name's ink is there, too faint or too small for the segmenter to make a box
/// of it (14바6438 of 충남14바6438), or the glyph reader's name where the network read none. Which name it is need not
/// be right for the ink to be there. Where the glyph reading is the one chosen (the surer) and the network's reading
/// with the name cleared the network's own floors and rules, that reading is the plate and is reported instead: 충남14바6438
/// (the network's 충남 at 0.83, every other character ≥ 0.94; the glyph reading 0.97 was surer than the network's, whose
/// confidence is its unseen name's, <see cref="UnseenStackedName"/>) read nothing before.</item>
/// <item>The line network's name, where the glyph classifier reads another name (P ≥ 0.5) before the same
/// characters, is not believed: the classifier sees the name's box alone, at the scale it learnt names at, and the
/// network reads it as one token of a line — on the bench's stacked and two-line plates the network's names were
/// wrong in 25 lines where the classifier's were right (전북/경북, 세종/제주, 대전/대구), the reverse in 3. The glyph
/// reading is reported instead if it passed its own floors and differs only in the name; otherwise nothing.</item>
/// <item>The glyph reader's name is kept whatever name the network reads (above: the network is the weaker on names;
/// refusing those disputes lost 25 plates for 1 false plate).</item>
/// </list>
/// </summary>
internal static class RegionDispute
{
    /// <summary>Least probability of the other reader's name for "a name is there".</summary>
    public const double MinNameSeen = 0.3;

    /// <summary>Least probability of the glyph classifier's name for overruling the network's.</summary>
    public const double MinGlyphNameOverNetwork = 0.5;

    /// <summary>
    /// The reading to report of <paramref name="best"/> (the glyph reader's <paramref name="glyphs"/> or the network's
    /// reading, whichever was chosen), given the glyph reader's reading before its floors (<paramref name="unfloored"/>),
    /// the network's before its floors (<paramref name="network"/>) and after them and every rule of its own
    /// (<paramref name="networkReported"/>, null where it was refused); null when nothing is to be reported.
    /// </summary>
    public static LineReading? Resolve(LineReading best, LineReading? glyphs, LineReading? unfloored, LineReading? network, LineReading? networkReported = null)
    {
        bool fromGlyphs = ReferenceEquals(best, glyphs);
        LineReading? other = fromGlyphs ? network : unfloored;
        if (other is null || other.Text == best.Text) return best;
        (string Name, double Probability)? own = RegionOf(best), theirs = RegionOf(other);
        if (theirs is not { } name) return best;
        if (own is null)
        {
            if (name.Probability < MinNameSeen || other.Text.Length != best.Text.Length + 2 || !other.Text.EndsWith(best.Text, StringComparison.Ordinal)) return best;
            // The glyph reading is the tail of the network's, which cleared the network's own floors and rules: that is the plate.
            return fromGlyphs && networkReported is not null && networkReported.Text == other.Text ? networkReported : null;
        }

        if (fromGlyphs || name.Name == own.Value.Name || name.Probability < MinGlyphNameOverNetwork || !SameTail(best.Text, other.Text)) return best;
        return glyphs is not null && glyphs.Text == other.Text && OnlyNamesDiffer(glyphs.Text, best.Text) ? glyphs : null;
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/>, each led by a region name (two syllables), are the same plate but for that name.</summary>
    internal static bool OnlyNamesDiffer(string a, string b) =>
        a.Length > 2 && LabelSets.IsHangulSyllable(a[0]) && LabelSets.IsHangulSyllable(b[0]) && string.CompareOrdinal(a, 2, b, 2, int.MaxValue) == 0;

    /// <summary>The reading's region name and its probability (the glyph reader labels it "S:서울" or "R:서울", the network "서울").</summary>
    internal static (string Name, double Probability)? RegionOf(LineReading reading)
    {
        if (reading.Text.Length < 2 || !LabelSets.IsHangulSyllable(reading.Text[0]) || !LabelSets.IsHangulSyllable(reading.Text[1])) return null;
        foreach (ReadGlyph g in reading.Glyphs ?? [])
        {
            string label = LabelSets.Plain(g.Label);
            if (label.Length == 2 && LabelSets.IsHangulSyllable(label[0]) && LabelSets.IsHangulSyllable(label[1])) return (label, g.Probability);
        }

        return null;
    }

    // The same plate: the class Hangul and the four digits after it.
    private static bool SameTail(string a, string b) =>
        a.Length >= 5 && b.Length >= 5 && LabelSets.IsHangulSyllable(a[^5]) && string.CompareOrdinal(a, a.Length - 5, b, b.Length - 5, 5) == 0;
}
