namespace EdgeCity.Anpr.Reading;

/// <summary>One glyph of a reading.</summary>
/// <param name="Box">Rectified-pixel box.</param>
/// <param name="Label">The label read (a character, or a region name "S:서울" / "R:서울").</param>
/// <param name="Probability">The classifier's probability of that label, 0…1.</param>
/// <param name="RunnerUp">The probability of the most likely other label its position allowed, 0…1.</param>
/// <param name="Alternatives">The line network's class Hangul: its probability of each Hangul syllable the region
/// allows, normalised over them (<see cref="SyllableFusion"/>), or a two-line plate's class digit or region name: its
/// probability of each digit or name (<see cref="UpperStripFusion"/>), or a stacked region name: its own probability of
/// each name, before the name window's product (<see cref="SamePlateDispute"/>); null elsewhere.</param>
internal readonly record struct ReadGlyph(GlyphBox Box, string Label, float Probability, float RunnerUp, IReadOnlyDictionary<string, float>? Alternatives = null)
{
    /// <summary>
    /// The classifier nearly read it as another allowed label: the runner-up has at least
    /// <see cref="AmbiguousRatio"/> of the winner's probability (아 0.52 against 마 0.25).
    /// </summary>
    public bool Ambiguous => RunnerUp >= AmbiguousRatio * Probability;

    /// <summary>See <see cref="Ambiguous"/>.</summary>
    public const float AmbiguousRatio = 0.4f;

    /// <summary>
    /// The classifier's reading is sure enough to confirm the other reader's character: at least
    /// <see cref="MinConfirmingProbability"/>, and no coin toss (<see cref="Ambiguous"/>).
    /// </summary>
    public bool Confirming => Probability >= MinConfirmingProbability && !Ambiguous;

    /// <summary>Whether it reads <paramref name="label"/> and is <see cref="Confirming"/>.</summary>
    public bool Confirms(string label) => Label == label && Confirming;

    /// <summary>See <see cref="Confirming"/>.</summary>
    public const double MinConfirmingProbability = 0.3;

    /// <summary>A Hangul syllable (a Korean plate's class Hangul), not a digit, a Latin capital or a region name.</summary>
    public bool IsSyllable => Label.Length == 1 && LabelSets.IsHangulSyllable(Label[0]);
}
