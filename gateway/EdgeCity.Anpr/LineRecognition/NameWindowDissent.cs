namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// A stacked region name the line network reads that the name window (<see cref="NameWindowModel"/>), shown the name's
/// place alone, hardly gives at all: the name is no surer than the window's share for it (<see cref="Probability"/>). The network reads the name
/// as one token of the whole line, and where the two small stacked syllables are a few pixels tall it puts the line's
/// most likely name first however little of it it sees — seed 9's 696 read 울산 at 0.89 for 경기 on a 97-px plate
/// (each syllable ~7 px tall) while the window gave 울산 0.12 and 경기 0.58, and the report's 0.987 made a false plate;
/// seed 7's 194 read 서울 0.74 for 세종 where the window gave 서울 under 0.18 (경북 0.24, 세종 0.18) and the product still
/// made it 0.66 (a small plate's unseen name). A name the window disputes so surely needs the glyph classifier's own reading to stand
/// (<c>RegionDispute</c>, the glyph reader), not the network's word: a plate refused costs less than a wrong region
/// on a watch-list. Where the window gives the name any real share it is left to the product (<see cref="NameWindowFusion"/>):
/// there the window is often the one misled (seed 2's 612, seed 8's 827: right names at the window's 0.32–0.36).
/// <para>
/// <see cref="MinWindowShare"/> measured over every stacked plate reported from the network's reading on seeds 2–9 and
/// training seeds (docs/anpr.md, "Measured", <c>wip/anname4</c>): under 0.2 it refused no right name there; 0.25–0.3 began refusing right ones.
/// </para>
/// </summary>
internal static class NameWindowDissent
{
    /// <summary>The least share the window must give the network's name for the network's probability to stand.</summary>
    public const float MinWindowShare = 0.2f;

    /// <summary>
    /// The probability of the network's stacked name <paramref name="name"/> (read at <paramref name="probability"/>) given
    /// the window's distribution <paramref name="window"/> over the names (empty: the window read nothing, no dissent):
    /// no more than the window's share where that is under <see cref="MinWindowShare"/> — under the least a network
    /// character may be for the glyph classifier to confirm it (0.2, <c>PlateRecognizer.GlyphsConfirm</c>), so the line's
    /// reading is refused. Capping it at 0.3 instead (a name's ink there, the glyph classifier to confirm which) kept
    /// seed 9's 696 (its name confirmed on the segmenter's cuts, reported at 0.86) and let seed 7's 194 and seed 9's 746 be
    /// reported as their nameless tails (53사3047, 49바5171: false plates still).
    /// </summary>
    public static float Probability(string name, float probability, IReadOnlyDictionary<string, float> window) =>
        window.Count == 0 || window.GetValueOrDefault(name) >= MinWindowShare ? probability : Math.Min(probability, window.GetValueOrDefault(name));
}
