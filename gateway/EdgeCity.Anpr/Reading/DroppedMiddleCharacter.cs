namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The line network leaving out a middle character the glyph reader counts: the glyph reader's reading before its floors
/// is the network's with one more character inside it (74TSG0 of the network's 74TG0), and that character's box is a
/// whole character — a pitch from both neighbours and as tall as the line's characters (<see cref="StandsWhole"/>). CTC
/// decoding may drop a character whose columns it found no surer than the blank between two others; the characters
/// around the gap then stand two pitches apart, which no plate's fixed advance sets. The glyph reader segments one box a
/// character, so a whole box there is a character the network's reading lacks: the network's reading is short and is not
/// reported; the glyph reader's stands where it clears its own floors, else the line reports nothing. A character at
/// either end is not this rule's (a box beside the plate — a rim, a bolt, a stacked name — is no dropped character), nor
/// a doubled one (<see cref="CollapsedRepeat"/>, which compares the two readings after their floors).
/// </summary>
internal static class DroppedMiddleCharacter
{
    /// <summary>
    /// The index in <paramref name="glyphs"/> of the one character more than <paramref name="network"/> has, where it
    /// lies between two characters (not the first or last) and does not repeat a neighbour; null otherwise.
    /// </summary>
    public static int? Inserted(string glyphs, string network)
    {
        if (glyphs.Length != network.Length + 1 || CollapsedRepeat.Doubled(glyphs, network) is not null) return null;
        int i = 0;
        while (i < network.Length && glyphs[i] == network[i]) i++;
        if (string.CompareOrdinal(glyphs, i + 1, network, i, int.MaxValue) != 0) return null;
        return i > 0 && i < glyphs.Length - 1 ? i : null;
    }

    /// <summary>
    /// Whether the glyph reader's box <paramref name="index"/> is a whole character: its centre at least
    /// <see cref="MinPitch"/> of the reading's median pitch from each neighbour's (a letter cut in two
    /// stands half a pitch from its other half), and at least <see cref="MinHeight"/> of the boxes' median height (a
    /// hyphen, a dot or a sticker's edge is lower).
    /// </summary>
    public static bool StandsWhole(LineReading glyphs, int index)
    {
        if (glyphs.Glyphs is not { } read || read.Count != glyphs.Text.Length || index <= 0 || index >= read.Count - 1) return false;
        float pitch = CollapsedRepeat.MedianPitch(read);
        float medianHeight = UpperMedian.Of(read.Select(g => (float)g.Box.Height));
        GlyphBox box = read[index].Box;
        return box.CentreX - read[index - 1].Box.CentreX >= MinPitch * pitch
            && read[index + 1].Box.CentreX - box.CentreX >= MinPitch * pitch
            && box.Height >= MinHeight * medianHeight;
    }

    /// <summary>
    /// Least centre distance of the counted box from each neighbour, as a share of the median pitch: a letter cut in two
    /// stands ~0.5 apart; a dropped character squeezed by the glyph reader's cuts 0.75 (seed 4's TJG1S6 of TJG156).
    /// </summary>
    public const float MinPitch = 0.7f;

    /// <summary>Least height of the counted box, as a share of the glyph reading's median box height.</summary>
    public const float MinHeight = 0.8f;

    /// <summary>
    /// Whether <paramref name="network"/>'s reading is short of a middle character that <paramref name="unfloored"/>
    /// (the glyph reader's reading before its floors) counts whole.
    /// </summary>
    public static bool Shortens(LineReading unfloored, LineReading network) =>
        Inserted(unfloored.Text, network.Text) is { } i && StandsWhole(unfloored, i);
}
