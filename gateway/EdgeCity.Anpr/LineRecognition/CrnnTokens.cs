namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// The line recognizer's output tokens: a character each (digits, Hangul, Latin capitals), except a region name,
/// which is one token whichever way it is printed — stacked small at the left of a single-line plate
/// (<see cref="Stacked"/>서울) or side by side on a two-line plate's upper line (<see cref="SideBySide"/>서울) —
/// as in the glyph CNN's labels. Token 0 of the network is CTC's blank.
/// </summary>
internal static class CrnnTokens
{
    /// <summary>Prefix of a stacked region name's token.</summary>
    public const string Stacked = "S:";

    /// <summary>Prefix of a side-by-side region name's token.</summary>
    public const string SideBySide = "R:";

    /// <summary>The text a token stands for in a plate's reading (a region name without its prefix).</summary>
    public static string Text(string token) => token.StartsWith(Stacked, StringComparison.Ordinal) || token.StartsWith(SideBySide, StringComparison.Ordinal) ? token[2..] : token;

    /// <summary>True for a region name's token.</summary>
    public static bool IsRegion(string token) => token.Length > 2 && token[1] == ':';
}
