namespace EdgeCity.Anpr.Reading;

/// <summary>
/// A Korean reading of the glyph reader alone whose class Hangul is weak where the line network, reading the same line,
/// read digits only. The network reads a plate's class syllable as a token of its own, blurred or not; where it reads the
/// line through and finds no syllable at all, the glyph reader's box there holds something else, and its weak syllable is
/// the classifier's nearest guess on it: a shop sign's SALE 50% read 54도5096 (도 at 0.31 on the L and E; the network
/// read 565096, seed 3's 235 and seed 10's 907). A sure syllable (≥ <see cref="MaxWeakSyllable"/>) stands: the network
/// does drop a blurred syllable now and then.
/// </summary>
internal static class NetworkSeesNoSyllable
{
    /// <summary>A class Hangul the glyph CNN gives less than this is weak.</summary>
    public const double MaxWeakSyllable = 0.5;

    /// <summary>Whether <paramref name="glyphReading"/>'s class Hangul is weak and <paramref name="network"/> read the line as digits alone.</summary>
    public static bool Of(LineReading glyphReading, LineReading? network) =>
        network is { Text.Length: >= 4 } n && n.Text.All(char.IsAsciiDigit)
        && glyphReading.ClassSyllable is { } syllable
        && syllable.Probability < MaxWeakSyllable;
}
