namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Two lines of a frame read the same place (<see cref="PlateReading.SamePlaceAs"/>) as plates of the same length that
/// differ: which one is the plate. The more confident one, unless the other has the better backing
/// (<see cref="ReadingSupport"/>):
/// <list type="bullet">
/// <item>Both readers read the other on its line, only one reader read the surer one on its own: two readers of different
/// kinds (one cutting the line into glyphs, one reading it whole) agreeing on one line is better evidence than one of them
/// alone on another, however sure it is of itself — the line network's per-column peaks are confident even where it guesses
/// a class Hangul (seed 9's 406: 785허4903 at 0.998 by the network alone on one row, 785하4903 at 0.997 by both on another;
/// seed 11's 336: 720아7676 at 0.988 alone, 720마7676 at 0.929 by both).</item>
/// <item>The other's region name is the glyph classifier's (≥ <see cref="RegionDispute.MinGlyphNameOverNetwork"/>) and the
/// surer one's is the network's, which it gives under its own floor and which stands only on its product with the name
/// window: the line's two readers' rule (<see cref="RegionDispute"/>: the classifier, seeing the name's box alone, is the
/// better reader of names) across two lines. Seed 1's 1523: 전북19바6176 at 0.993 on one row (the network's 전북 0.82, the
/// window's 0.44, their product 0.95; the glyph classifier reads no name on that row), 경북19바6176 at 0.923 on another,
/// the classifier's 경북 at 0.82. A name the network is sure of alone stands (seed 6's 568: its 충북 0.94 against the
/// classifier's 강원 0.57 on another row; 충북 is right).</item>
/// </list>
/// </summary>
internal static class SamePlateDispute
{
    /// <summary>Whether <paramref name="challenger"/>, the less confident reading of <paramref name="kept"/>'s place, is the plate instead.</summary>
    public static bool Displaces(PlateReading challenger, PlateReading kept)
    {
        if (challenger.Text.Length != kept.Text.Length || challenger.Text == kept.Text) return false;
        if (challenger.Support.BothReaders && !kept.Support.BothReaders) return true;
        return challenger.Support.NameSeenByGlyphs && kept.Support.NameOnProduct && RegionDispute.OnlyNamesDiffer(challenger.Text, kept.Text);
    }
}
