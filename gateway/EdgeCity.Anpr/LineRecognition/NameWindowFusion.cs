namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// The line network's region name read together with the name window's (<see cref="NameWindowModel"/>): where the
/// window is sure of a name (≥ <see cref="MinSureWindow"/>), the product of the two distributions over the names (each
/// floored at <see cref="Floor"/>, normalised) is the name read, its probability the product's share; where the window
/// is unsure, the network's name stands as it read it. Both read the same pixels — the network the whole line, the
/// window the name's place alone — and the window was right on its held-out lines where it was that sure
/// (docs/anpr.md, "Measured", <c>wip/anregion</c>); under it, it is a guess among names sharing a syllable as the
/// network's is, and a guess should not turn a name.
/// </summary>
internal static class NameWindowFusion
{
    /// <summary>
    /// The window is asked only about a name the network reads under this probability (the line network's own floor for
    /// a character it reports, <see cref="RecognizerOptions.MinLineCharacterProbability"/>): a name the network is sure
    /// of stands, and the window judges only the weak names where the network's misreads are (제주 0.46–0.67 for 대구).
    /// </summary>
    public const float MaxNetworkName = 0.9f;

    /// <summary>The window's first name counts only from this probability.</summary>
    public const float MinSureWindow = 0.9f;

    /// <summary>Each reader's probability floor in the product (one reader's zero does not veto the other's name alone).</summary>
    public const float Floor = 0.001f;

    /// <summary>The fused distribution over the names, or null where the window is not sure enough to count.</summary>
    public static Dictionary<string, float>? Fuse(IReadOnlyDictionary<string, float> network, IReadOnlyDictionary<string, float> window)
    {
        if (window.Count == 0 || window.Values.Max() < MinSureWindow) return null;
        var fused = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach ((string name, float p) in window) fused[name] = Math.Max(p, Floor) * Math.Max(network.GetValueOrDefault(name), Floor);
        float total = fused.Values.Sum();
        foreach (string name in fused.Keys.ToList()) fused[name] /= total;
        return fused;
    }
}
