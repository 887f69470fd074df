namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// The line network's region name read together with the name window's (<see cref="NameWindowModel"/>): the product of
/// the two distributions over the names (each floored at <see cref="Floor"/>, normalised) is the name read, its
/// probability the product's share. Both read the same pixels — the network the whole line, the window the name's place
/// alone — with different errors: on held-out stacked lines the window was right on 0.97–0.99 of them, the network on
/// 0.89–0.92 (docs/anpr.md, "Measured", <c>wip/anregion</c>). A product, not the window's word where it is sure: where
/// the window is unsure it is still mostly right (seed 2's 791 충북 0.69, seed 4's 737 강원 0.88, seed 5's 843 경북 0.72
/// against the network's 전북 0.64, a false plate), and where the two disagree the product's share stays low, so the
/// name falls under the reported floor instead of standing as the network's guess (docs/anpr.md, <c>wip/anname2</c>).
/// </summary>
internal static class NameWindowFusion
{
    /// <summary>
    /// The window is asked only about a name the network reads under this probability (the line network's own floor for
    /// a character it reports, <see cref="RecognizerOptions.MinLineCharacterProbability"/>): a name the network is sure
    /// of stands, and the window judges only the weak names where the network's misreads are (제주 0.46–0.67 for 대구).
    /// </summary>
    public const float MaxNetworkName = 0.9f;

    /// <summary>Each reader's probability floor in the product (one reader's zero does not veto the other's name alone).</summary>
    public const float Floor = 0.001f;

    /// <summary>
    /// The fused distribution over the names, or null where the window read nothing or where the product would put first
    /// a name neither reader puts first: two runners-up multiplied are a guess neither reader made (seed 5's 942: the
    /// network's 울산 0.37 and the window's 인천 0.79 made 대전, the truth 대구), so the network's own name is judged alone.
    /// </summary>
    public static Dictionary<string, float>? Fuse(IReadOnlyDictionary<string, float> network, IReadOnlyDictionary<string, float> window)
    {
        if (window.Count == 0) return null;
        var fused = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach ((string name, float p) in window) fused[name] = Math.Max(p, Floor) * Math.Max(network.GetValueOrDefault(name), Floor);
        float total = fused.Values.Sum();
        foreach (string name in fused.Keys.ToList()) fused[name] /= total;
        string best = First(fused);
        return best == First(window) || (network.Count > 0 && best == First(network)) ? fused : null;
    }

    private static string First(IReadOnlyDictionary<string, float> distribution) => distribution.MaxBy(kv => kv.Value).Key;
}
