namespace EdgeCity.Anpr.Reading;

/// <summary>
/// An EU reading whose B or 8, D or 0 the two readers do not read alike: the other reader reads the pair's other
/// character in its place, or the glyph classifier, shown that character's box, finds the pair's other character nearly
/// as likely (a coin toss, <see cref="ReadGlyph.AmbiguousRatio"/>). An EU plate has no letter or digit places, so
/// the format cannot settle B/8 or D/0; where the glyph's own left side did not settle it (<see cref="LeftStem"/>), the
/// surer reader's guess is a guess: GY804BD read GY804B0 (seed 3 756: the network's 0 at 0.71 against the glyph
/// reader's D at 0.73, the D's box cut in two), 39SBX7 read 39S8X7 (seed 9 526: the glyph classifier's 8 0.36 against
/// its runner-up 0.22, the glyph glued to the X). Such a reading is not reported: another line of the frame may read the
/// plate, and no plate is better than a wrong one.
/// </summary>
internal static class StemPairDispute
{
    /// <summary>The letter read for each digit of the pair and the digit for each letter: a B's and a D's stem, rounded, is an 8's or a 0's left side.</summary>
    public static char? PartnerOf(char c) => c switch { '8' => 'B', 'B' => '8', '0' => 'D', 'D' => '0', _ => null };

    /// <summary>
    /// Whether <paramref name="reported"/>'s characters that <paramref name="stemSettled"/> did not change include a B/8
    /// or D/0 that <paramref name="glyphs"/> or <paramref name="network"/> (each reader's reading before its floors, of
    /// the same length) reads as its partner, or that the glyph classifier reads a coin toss with its partner
    /// (<paramref name="partnerRatio"/>: the partner's probability over the character's on the glyph reader's box).
    /// </summary>
    public static bool Disputed(LineReading reported, LineReading? stemSettled, LineReading? glyphs, LineReading? network, Func<GlyphBox, char, char, double> partnerRatio)
    {
        string text = reported.Text;
        for (int k = 0; k < text.Length; k++)
        {
            if (PartnerOf(text[k]) is not { } partner) continue;
            if (stemSettled is not null && stemSettled.Text.Length == text.Length && stemSettled.Text[k] != text[k]) continue;
            foreach (LineReading? other in (LineReading?[])[glyphs, network])
            {
                if (other is null || other.Text.Length != text.Length) continue;
                if (other.Text[k] == partner) return true;
            }

            if (glyphs?.Glyphs is { } g && glyphs.Text.Length == text.Length && glyphs.Text[k] == text[k] && k < g.Count
                && partnerRatio(g[k].Box, text[k], partner) >= ReadGlyph.AmbiguousRatio) return true;
        }

        return false;
    }
}
