namespace EdgeCity.Anpr.Reading;

/// <summary>
/// An EU reading the line network reads on beyond: the network's reading of the same line (before its floors and rules)
/// holds a character wholly before the reported reading's first character or after its last. An EU plate's text is any
/// run of 3–8 Latin capitals and digits, so a run of part of a plate is itself valid text and the format cannot refuse it:
/// the glyph reader's run stopped at a half-found Y, and the network read the plate's Y4 after it (T7KW of 77KWY4, seed 7
/// scene 434); the network read an L before the glyph run's H (H464D of LH416AD, seed 3 scene 779). Each reader may misread
/// or drop a character inside a plate; on the EU plates of seeds 2–5 read right (probed on main, 646 line readings) the network never read a
/// character beyond the reported reading's ends. The glyph reader's cut boxes lie inside the network's token places, so
/// the network's own reading, reported, never reads on beyond itself.
/// </summary>
internal static class NetworkReadsOn
{
    /// <summary>Whether a character of <paramref name="network"/>'s reading is centred before <paramref name="reported"/>'s first character or after its last.</summary>
    public static bool Beyond(LineReading reported, LineReading? network)
    {
        if (network?.Glyphs is not { Count: > 0 } read || reported.Glyphs is not { Count: > 0 } mine) return false;
        float first = mine[0].Box.X, last = mine[^1].Box.Right;
        return read.Any(g => g.Box.Width > 0 && (g.Box.CentreX < first || g.Box.CentreX > last));
    }
}
