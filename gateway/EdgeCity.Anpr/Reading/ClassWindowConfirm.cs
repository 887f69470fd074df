namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The class window's confirmation of the line network's weak class Hangul where the glyph CNN sees no syllable at all.
/// On a motion-blurred plate the glyph CNN, shown the network's place or the segmenter's cuts of the glued run, gives
/// every syllable ≤ 0.03 (its junk class takes the rest): it can neither confirm nor contradict. The class window
/// (<see cref="LineRecognition.ClassWindowModel"/>) learnt exactly such blurred lines from the network's own image; where
/// it reads the network's syllable as its first, surely, two readers of different cuts of the plate agree. The share is
/// taken among the syllables the plate's colour allows (<see cref="PlateColourClass"/>; all of them where the colour is
/// not sure): on a yellow plate only 바사아자배 can be there, so the window's mass on a private car's 마 or 어 is no
/// evidence against its 아. The window's own probability must still be the larger part of its mass
/// (<see cref="MinOwnShare"/>), so the colour only sharpens a reading the window already leans to.
/// </summary>
internal static class ClassWindowConfirm
{
    /// <summary>
    /// The least share of the window's probability among the allowed syllables the network's syllable must hold. Alone the
    /// window is sure from 0.9 (<see cref="LineRecognition.ClassWindowModel.MinSureShare"/>); with the network reading the
    /// same syllable at ≥ 0.5 too, measured on seeds 1–12 (session 22, "Measured"): at 0.9 and 0.8 no false plate, at 0.7
    /// none either (the right plates confirmed held 0.71–0.86), at 0.6 two (seed 4's 838아9741 of 838마9741, window 아 0.65 /
    /// 마 0.28; seed 9's 85구8107 of 805구8107, 구 0.66). 0.8 keeps a margin above the first wrong syllables.
    /// </summary>
    public const float MinAllowedShare = 0.8f;

    /// <summary>The least share of the window's whole probability the network's syllable must hold.</summary>
    public const float MinOwnShare = 0.5f;

    /// <summary>The least probability the network must give its own syllable.</summary>
    public const float MinNetworkProbability = 0.5f;

    /// <summary>
    /// The widest a step between two digits of one group may be, as a share of the reading's median digit step. The
    /// weak syllable was the network's only doubt; a digit its CTC left out (511거0212 read 51거0212, the repeated 1s
    /// merged: 5 and 1 stand 18 px apart where the other digits step 10.5–11.5) is not, and the glyph CNN confirms the
    /// digits it did read. The plates this confirmation reads step evenly (at most 1.2 times the median, seeds 2–11).
    /// </summary>
    public const float MaxDigitStep = 1.4f;

    /// <summary>
    /// Whether the digits of <paramref name="glyphs"/> (the network's reading, left to right) step evenly: no two
    /// neighbouring digits stand more than <see cref="MaxDigitStep"/> of the median step between neighbouring digits
    /// apart, so no digit is missing between them. Places of no width (a two-line plate's upper strip) do not count.
    /// </summary>
    public static bool DigitsStepEvenly(IReadOnlyList<ReadGlyph> glyphs)
    {
        var steps = new List<float>();
        for (int k = 1; k < glyphs.Count; k++)
        {
            ReadGlyph a = glyphs[k - 1], b = glyphs[k];
            if (a.Box.Width > 1 && b.Box.Width > 1 && IsDigit(a) && IsDigit(b)) steps.Add(b.Box.CentreX - a.Box.CentreX);
        }

        if (steps.Count < 2) return true;
        float median = UpperMedian.Of(steps);
        return steps.All(x => x <= MaxDigitStep * median);
    }

    private static bool IsDigit(ReadGlyph g) => g.Label.Length == 1 && char.IsAsciiDigit(g.Label[0]);

    /// <summary>
    /// Whether <paramref name="window"/> (the class window's distribution at the network's place) confirms the network's
    /// class syllable <paramref name="label"/> read at <paramref name="networkProbability"/>, among <paramref name="allowed"/>.
    /// </summary>
    public static bool Confirms(IReadOnlyDictionary<string, float>? window, string label, double networkProbability, IReadOnlyCollection<string> allowed)
    {
        if (window is null || networkProbability < MinNetworkProbability || !allowed.Contains(label)) return false;
        if (!window.TryGetValue(label, out float own)) return false;
        float total = window.Values.Sum(), allowedTotal = window.Where(kv => allowed.Contains(kv.Key)).Sum(kv => kv.Value);
        return total > 0 && own >= MinOwnShare * total && own >= MinAllowedShare * allowedTotal;
    }
}
