namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The floors a line's best reading must clear to be reported (<see cref="RecognizerOptions.MinConfidence"/> and
/// <see cref="RecognizerOptions.MinGlyphProbability"/>), known to the readers so that they can stop early: a reading
/// one of whose glyphs is already below the glyph floor, or whose known glyphs already pull the geometric mean under
/// the confidence floor with every glyph still unread counted as certain, can never be reported.
/// </summary>
/// <param name="MinConfidence">Lowest reported confidence (geometric mean of the glyph probabilities), 0…1.</param>
/// <param name="MinGlyphProbability">Lowest reported glyph probability, 0…1.</param>
internal sealed record ReportFloor(double MinConfidence, double MinGlyphProbability)
{
    // Classifier outputs differ in the last bits with the batch they are computed in: only a clear miss counts.
    private const double Margin = 1e-4;

    /// <summary>
    /// Whether a reading of <paramref name="glyphCount"/> glyphs whose glyphs read so far have the lowest probability
    /// <paramref name="weakest"/> and the sum of log-probabilities <paramref name="logSum"/> (each at least 1e-6, as in
    /// the confidence) can still clear both floors.
    /// </summary>
    public bool Reachable(double weakest, double logSum, int glyphCount) =>
        weakest >= MinGlyphProbability - Margin && (MinConfidence <= 0 || logSum / glyphCount >= Math.Log(MinConfidence) - Margin);
}
