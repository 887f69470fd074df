using System.Text.RegularExpressions;

namespace EdgeCity.Anpr.Regions;

/// <summary>One plate format of a region: how its characters are laid out and what the reading must match.</summary>
/// <param name="Name">Name, e.g. kr-3digit.</param>
/// <param name="Layout">How the reader finds the characters: digits-hangul-digits, stacked-region, two-line-region, latin-line.</param>
/// <param name="Pattern">The reading's regular expression, anchored at both ends.</param>
/// <param name="Example">A valid reading.</param>
public sealed record PlateFormat(string Name, string Layout, Regex Pattern, string Example)
{
    /// <summary>True when <paramref name="text"/> is a valid reading of this format.</summary>
    public bool Matches(string text) => Pattern.IsMatch(text);
}
