using OpenCvSharp;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// <see cref="RegionDispute"/> across the lines of one plate: a reading whose region name is the line network's alone (the
/// glyph reader read no such name on its line) is not reported where the glyph reader, on another line of the same place,
/// read the same plate — the same class Hangul and four digits — with another name and would report it (its floors and
/// rules passed, its name at least <see cref="RegionDispute.MinGlyphNameOverNetwork"/>). Within one line the glyph
/// classifier's name already overrules the network's; across lines each reading went its own way and the surer one won
/// the overlap (<c>PlateRecognizer.Suppress</c>): seed 4's 울산30바9132 (97 px) was read so by the glyph reader on one row
/// (울산 0.87), and 충남30바9132 by the network alone on another (충남 0.93, the glyph reader reading nothing there), and
/// 충남 was reported. The network's stacked names are its commonest confident error; the glyph reader's reading of the
/// same plate then stands. A glyph name that is itself a coin toss (its reading refused as ambiguous: 세종 0.51 against
/// 제주's 0.32 on seed 2's 제주98바2213) disputes nothing.
/// </summary>
internal sealed class CrossLineRegionDispute
{
    private readonly List<(Rect Place, string Name, string Tail)> _glyphNames = [];
    private readonly List<PlateReading> _networkNames = [];

    /// <summary>Forgets the level's readings (a new frame level).</summary>
    public void Clear()
    {
        _glyphNames.Clear();
        _networkNames.Clear();
    }

    /// <summary>
    /// Holds the glyph reader's reading <paramref name="glyphs"/> of a line, one that passed its floors and rules, at
    /// <paramref name="place"/> (frame pixels) where it reads a region name at least <see cref="RegionDispute.MinGlyphNameOverNetwork"/>.
    /// </summary>
    public void GlyphReading(Rect place, LineReading glyphs)
    {
        if (RegionDispute.NameOf(glyphs) is { } name && name.Probability >= RegionDispute.MinGlyphNameOverNetwork) _glyphNames.Add((place, name.Name, Tail(glyphs.Text)));
    }

    /// <summary>
    /// Marks <paramref name="reported"/>, the report of the network's reading <paramref name="network"/>, as standing on the
    /// network's name alone where the glyph reader's reading of its line (<paramref name="unfloored"/>, before its floors)
    /// does not begin with that name.
    /// </summary>
    public void NetworkReading(PlateReading reported, LineReading network, LineReading? unfloored)
    {
        if (RegionDispute.NameOf(network) is not { } name) return;
        if (unfloored is not null && RegionDispute.NameOf(unfloored)?.Name == name.Name) return;
        _networkNames.Add(reported);
    }

    /// <summary>Whether <paramref name="reading"/> stands on the network's name alone where the glyph reader read the same plate at the same place with another name.</summary>
    public bool Disputed(PlateReading reading)
    {
        if (!_networkNames.Contains(reading)) return false;
        string name = reading.Text[..2], tail = Tail(reading.Text);
        var place = new Rect(reading.X, reading.Y, reading.Width, reading.Height);
        return _glyphNames.Exists(g => g.Name != name && g.Tail == tail && Overlap(g.Place, place));
    }

    // The class Hangul and four digits: the same plate (RegionDispute's test).
    private static string Tail(string text) => text.Length >= 5 ? text[^5..] : text;

    // The same place: the boxes overlap by more than 0.3 of the smaller one (as PlateReading.SamePlaceAs).
    private static bool Overlap(Rect a, Rect b)
    {
        Rect i = a & b;
        return i.Width > 0 && i.Height > 0 && i.Width * i.Height > 0.3 * Math.Min(a.Width * a.Height, b.Width * b.Height);
    }
}
