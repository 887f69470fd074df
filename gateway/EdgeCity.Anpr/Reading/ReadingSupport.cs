namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Which readers back a line's reported reading, beyond its confidence (<see cref="SamePlateDispute"/>).
/// </summary>
/// <param name="BothReaders">The glyph reader and the line network each read this text on the line, each past its own floors.</param>
/// <param name="NameSeenByGlyphs">Its region name is the glyph classifier's, read on the name's own box at
/// <see cref="RegionDispute.MinGlyphNameOverNetwork"/> or more.</param>
/// <param name="NameOnProduct">Its region name is the line network's stacked one, which the network alone gives under
/// <see cref="LineRecognition.NameWindowFusion.MaxNetworkName"/>: it stands over the floor on its product with the name
/// window's distribution, and the glyph classifier did not read it.</param>
internal readonly record struct ReadingSupport(bool BothReaders, bool NameSeenByGlyphs, bool NameOnProduct)
{
    /// <summary>
    /// The support of <paramref name="reported"/>, the reading a line reports, given the glyph reader's reading past its
    /// floors (<paramref name="glyphs"/>) and the network's past its floors and rules (<paramref name="network"/>), each null
    /// where that reader reported nothing.
    /// </summary>
    public static ReadingSupport Of(LineReading reported, LineReading? glyphs, LineReading? network)
    {
        bool byGlyphs = glyphs?.Text == reported.Text, byNetwork = network?.Text == reported.Text;
        (string Name, double Probability)? glyphName = byGlyphs ? RegionDispute.RegionOf(glyphs!) : null;
        bool nameSeen = glyphName is { } seen && seen.Probability >= RegionDispute.MinGlyphNameOverNetwork;
        bool onProduct = !nameSeen && byNetwork && NetworkAloneUnsure(network!);
        return new ReadingSupport(byGlyphs && byNetwork, nameSeen, onProduct);
    }

    // The network's stacked name (on the main line: an upper strip's name has no box there and no window product), as the
    // network alone reads it (its glyph's alternatives), under the floor the name window is asked below.
    private static bool NetworkAloneUnsure(LineReading network) =>
        network.Glyphs is { Count: > 0 } glyphs && glyphs[0].Label.Length == 2 && glyphs[0].Box.Width > 1 && glyphs[0].Alternatives is { } own
        && own.GetValueOrDefault(glyphs[0].Label) < LineRecognition.NameWindowFusion.MaxNetworkName;
}
