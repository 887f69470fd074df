namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The line network's stacked region name (서울 of 서울32자6493) that the glyph classifier cannot judge. On a plate
/// ~100–140 px wide the two stacked syllables are ~5 px tall each in the frame, and the row that reads the plate best
/// is often the plate's whole body at a smaller scale than the characters' own rows: there the name is a smudge of a
/// few pixels that the classifier, which learnt names cut at the characters' scale, calls nothing at all (every name
/// under 0.05 on 706's 대구 read by the network at 0.83), so a confirmation it cannot give refused plates whose other
/// characters were sure. The network read the name in its line's context — the name is one token out of 17 and its
/// place is fixed before the digits — and on the bench's lost stacked plates its name at ≥ 0.5 was right 7 times in 9.
/// Only at that small scale (<see cref="MaxBandFramePx"/>), and the reading is then no surer than its name: another
/// reading of the same plate whose name the classifier saw is preferred. Where the classifier reads any name there
/// (≥ 0.3) it can see the name, and its confirmation, not the network, decides (as in <see cref="RegionDispute"/>).
/// </summary>
internal static class UnseenStackedName
{
    /// <summary>Least probability of the network's name token to stand without the classifier's confirmation.</summary>
    public const double MinNetworkProbability = 0.5;

    /// <summary>Least probability at which the classifier "sees" a name on the token's place.</summary>
    public const double MinSeen = 0.3;

    /// <summary>
    /// Whether the network's stacked name <paramref name="name"/> (its token, e.g. "대구") stands where the glyph
    /// classifier's readings of the token's place and the segmenter's cuts within it (<paramref name="seen"/>, "S:" labels)
    /// confirmed it nowhere: the token is at least <see cref="MinNetworkProbability"/> and the classifier saw no name there.
    /// </summary>
    public static bool Stands(ReadGlyph name, RectifiedLine line, IEnumerable<ReadGlyph> seen) =>
        name.Label.Length == 2 && name.Probability >= MinNetworkProbability && line.FrameBox(Band).Height <= MaxBandFramePx
        && seen.All(s => s.Probability < MinSeen);

    /// <summary>
    /// The most frame pixels the main line's band (<see cref="RectifiedLine.CharHeight"/>) may span: a stacked name takes
    /// ~0.6 of the band, so each of its syllables is then at most ~10 px tall in the frame, under the scale the
    /// classifier reads names at. On larger plates it can see the name (and did read 강원, 세종, 경북 right on the bench's
    /// 205-, 165- and 239-px plates where the network's unseen name was wrong).
    /// </summary>
    public const int MaxBandFramePx = 34;

    private static readonly OpenCvSharp.Rect Band = new(0, RectifiedLine.MainTop, RectifiedLine.CharHeight, RectifiedLine.CharHeight);
}
