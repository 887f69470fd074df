using System.Text.RegularExpressions;

namespace EdgeCity.Anpr.Regions;

/// <summary>One plate format of a region: how its characters are laid out and what the reading must match.</summary>
/// <param name="Name">Name, e.g. kr-3digit.</param>
/// <param name="Layout">How the reader finds the characters: digits-hangul-digits, stacked-region, two-line-region, latin-line.</param>
/// <param name="Pattern">The reading's regular expression, anchored at both ends.</param>
/// <param name="Example">A valid reading.</param>
public sealed record PlateFormat(string Name, string Layout, Regex Pattern, string Example)
{
    /// <summary>
    /// The plate colours this format is issued in (white, yellow, blue, green); null where the profile does not say (any).
    /// Korea's region names are on green (private, until 2006) and yellow (commercial) plates only: a white or blue plate
    /// is never a regional one.
    /// </summary>
    public IReadOnlySet<string>? Colours { get; init; }

    /// <summary>Whether the format's text begins with a region name (its pattern's <c>{region}</c>: 서울32자6493).</summary>
    public bool NamesRegion { get; init; }

    /// <summary>True when <paramref name="text"/> is a valid reading of this format.</summary>
    public bool Matches(string text) => Pattern.IsMatch(text);
}
