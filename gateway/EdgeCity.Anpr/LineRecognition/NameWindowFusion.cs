namespace EdgeCity.Anpr.LineRecognition;

/// <summary>
/// The line network's region name read together with the name window's (<see cref="NameWindowModel"/>): the product of
/// the two distributions over the names (each floored at <see cref="Floor"/>, normalised) is the name read, its
/// probability the product's share — but where both readers put the name first and neither alone gives it
/// <see cref="MinLeaning"/>, no more than the surer of them gives it (<see cref="Fuse"/>). Both read the same pixels — the network the whole line, the window the name's place alone — with
/// different errors: on held-out stacked lines the window was right on 0.97–0.99 of them, the network on 0.89–0.92
/// (docs/anpr.md, "Measured", <c>wip/anregion</c>). A product, not the window's word where it is sure: where the window is
/// unsure it is still mostly right (seed 2's 791 충북 0.69, seed 4's 737 강원 0.88, seed 5's 843 경북 0.72 against the
/// network's 전북 0.64, a false plate), and where the two disagree the product's share stays low, so the name falls under
/// the reported floor instead of standing as the network's guess (docs/anpr.md, <c>wip/anname2</c>).
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
    /// The least probability one of two agreeing readers must give their name for their product to count their
    /// agreement as evidence (<see cref="Fuse"/>).
    /// </summary>
    public const float MinLeaning = 0.5f;

    /// <summary>
    /// The name read from both distributions and its probability, or null where the window read nothing or where the
    /// product would put first a name neither reader puts first: two runners-up multiplied are a guess neither reader
    /// made (seed 5's 942: the network's 울산 0.37 and the window's 인천 0.79 made 대전, the truth 대구), so the network's
    /// own name is judged alone.
    /// <para>
    /// Where both readers put the same name first and neither gives it <see cref="MinLeaning"/>, its probability is the
    /// surer reader's, not the product's share: the two read the same pixels, and where both are only guessing they
    /// guess alike — a name's blurred syllable reads as the same neighbour to both — so their agreement is no
    /// independent evidence. On the stacked scenes of seeds 2–8 such agreeing lines named the plate's region 6 times in
    /// 18 (product shares 0.5–0.9), while agreeing lines where one reader gave the name 0.5–0.8 were right 84 times in
    /// 106, and lines where the two disagreed are left as they were: seed 8's 482, 대전 0.36 × 0.34 → 0.68 for 충남,
    /// reported as a small plate's unseen name (<c>UnseenStackedName</c>, ≥ 0.5), a false plate, stays at 0.36
    /// (docs/anpr.md, <c>wip/anname3</c>). A cap wherever they agree, or a geometric mean, lost 6–8 plates there.
    /// </para>
    /// </summary>
    public static FusedName? Fuse(IReadOnlyDictionary<string, float> network, IReadOnlyDictionary<string, float> window)
    {
        if (window.Count == 0) return null;
        var fused = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach ((string name, float p) in window) fused[name] = Math.Max(p, Floor) * Math.Max(network.GetValueOrDefault(name), Floor);
        string best = First(fused);
        bool windowFirst = best == First(window), networkFirst = network.Count > 0 && best == First(network);
        if (!windowFirst && !networkFirst) return null;
        float share = fused[best] / fused.Values.Sum(), surer = Math.Max(window[best], network.GetValueOrDefault(best));
        return new FusedName(best, windowFirst && networkFirst && surer < MinLeaning ? Math.Min(share, surer) : share);
    }

    private static string First(IReadOnlyDictionary<string, float> distribution) => distribution.MaxBy(kv => kv.Value).Key;
}

/// <summary>A region name read from the network's and the name window's distributions, and its probability (<see cref="NameWindowFusion.Fuse"/>).</summary>
internal readonly record struct FusedName(string Name, float Probability);
