namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The two readers of a Korean line — the glyph reader (segmentation and the glyph CNN) and the line network (per-column
/// CTC probabilities) — reading the same plate but for its class Hangul, the syllable hardest to read: its vowel is
/// read surely and its initial consonant confused (머/거/어, 아/가/마). Choosing one reader's whole reading by its overall
/// confidence, as where the readings differ elsewhere, reported the wrong syllable whenever the surer reader was wrong
/// there: 699어7629 read 699머7629 (glyph CNN 머 0.61 with 어 0.12 second; network 어 0.83 with 머 0.04), 경북12아9170
/// read 경북12가9170 (가 0.67, 아 0.11; network 마 0.62, 아 0.38).
/// <para>
/// Each reader gives a distribution over the syllables the region allows (the glyph CNN on the surer of two cuts,
/// <see cref="SurestView"/>; the network along the token's columns, <see cref="ReadGlyph.Alternatives"/>). Two classifiers that learnt from different views of the
/// plate (a cut-out glyph at 32×32; a line's columns in context) err mostly independently, so with a uniform prior the
/// probability of a syllable given both is proportional to the product of the two: a syllable one reader rules out is
/// out, and one both find likely wins even where each put another first (아 above, 0.86 fused). Each reader's
/// probability is floored at <see cref="Floor"/>: a softmax's 0.0001 is no certainty, and one reader's overconfident
/// zero must not veto the other's sure syllable alone.
/// </para>
/// <para>
/// The fused syllable replaces each reader's own with its fused probability and runner-up, so the report's rules judge
/// it as any glyph: where the readers' evidence balances (머 0.68 / 어 0.19 against 어 0.77 / 머 0.23: 머 0.52, 어 0.48)
/// the runner-up is near the winner, the reading is a coin toss (<see cref="ReadGlyph.Ambiguous"/>) and is refused —
/// "unsure", not a confident wrong plate —, and where it is reported its confidence carries the disagreement.
/// </para>
/// <para>
/// A third reader, where one is built in (<see cref="LineRecognition.ClassWindowModel"/>: a window of the network's own
/// input image on its place for the syllable, trained on moving cars' lines), joins the network's distribution where it
/// is sure (<see cref="MinSureWindow"/>), and reads with the network alone where the glyph CNN sees no syllable on the
/// place — a motion-blurred line's glued ink, where the network confuses 마/아 and 허/배. Only here, where the readers
/// disagree or one is silent: a sharp plate both readers read alike is read as before.
/// </para>
/// <para>
/// Not region names: on them the network is the weaker reader by far (its names were wrong where the classifier's were
/// right 25 times for 3 the reverse, <see cref="RegionDispute"/>), and the product, which trusts both alike, gave 대전 of
/// 대구08서0079 (classifier 0.91, network 0.95) — a false plate — for one name won (강원00바6258).
/// </para>
/// </summary>
internal static class SyllableFusion
{
    /// <summary>Least probability a reader is taken to give any syllable.</summary>
    public const float Floor = 1e-3f;

    /// <summary>
    /// The two readings with their class Hangul fused where that is all they differ in (the same characters otherwise,
    /// one by one: a region name is one glyph); null where they differ elsewhere or not at all, or the network's glyph has
    /// no distribution. <paramref name="glyphClasses"/> gives the glyph CNN's probabilities of the class Hangul syllables
    /// for a box of the line.
    /// </summary>
    public static (LineReading Glyphs, LineReading Network)? Fuse(LineReading glyphs, LineReading network, Func<GlyphBox, IReadOnlyDictionary<string, float>> glyphClasses,
        Func<GlyphBox, IReadOnlyDictionary<string, float>?>? window = null)
    {
        if (glyphs.Glyphs is not { } g || network.Glyphs is not { } n || g.Count != n.Count) return null;
        int slot = -1;
        for (int i = 0; i < g.Count; i++)
        {
            if (LabelSets.Plain(g[i].Label) == n[i].Label) continue;
            if (slot >= 0 || !IsSyllable(g[i].Label) || !IsSyllable(n[i].Label) || n[i].Alternatives is null) return null;
            slot = i;
        }

        return slot < 0 ? null : FusedAt(glyphs, network, slot, glyphClasses, window);
    }

    /// <summary>
    /// The two readings with their class Hangul fused where they are the same text, character by character: null where
    /// they differ, the line has no single class Hangul, or the network's syllable has no distribution. Each reader alone
    /// may be too unsure of the syllable to report — a far plate's glyph CNN between 머 and 마 (0.33, 0.18: a coin toss),
    /// the network's 머 0.82 under its character floor, so the glyph CNN was asked to confirm it and, unsure, refused
    /// (울산58머1994, seed 5's scene 237) — while both putting the same syllable first, from different views of the
    /// plate, is evidence neither has alone. The product reads both, as <see cref="Fuse"/> does where they differ; where
    /// their runners-up agree too the fused syllable stays a coin toss and is refused. For the caller only where the glyph
    /// reading was refused and the fused one clears every rule: a plate the readers read alike and report is read as before.
    /// </summary>
    public static (LineReading Glyphs, LineReading Network)? FuseAgreed(LineReading glyphs, LineReading network, Func<GlyphBox, IReadOnlyDictionary<string, float>> glyphClasses,
        Func<GlyphBox, IReadOnlyDictionary<string, float>?>? window = null)
    {
        if (glyphs.Text != network.Text || glyphs.Glyphs is not { } g || network.Glyphs is not { } n || g.Count != n.Count) return null;
        int slot = -1;
        for (int i = 0; i < n.Count; i++)
        {
            if (LabelSets.Plain(g[i].Label) != n[i].Label) return null;
            if (!IsSyllable(n[i].Label)) continue;
            if (slot >= 0) return null;
            slot = i;
        }

        return slot < 0 || n[slot].Alternatives is null ? null : FusedAt(glyphs, network, slot, glyphClasses, window);
    }

    // Both readings with the syllable at slot replaced by the product of the glyph CNN's distribution (its surer cut) and
    // the network's (with the window classifier's where sure): its label, probability and runner-up.
    private static (LineReading Glyphs, LineReading Network) FusedAt(LineReading glyphs, LineReading network, int slot,
        Func<GlyphBox, IReadOnlyDictionary<string, float>> glyphClasses, Func<GlyphBox, IReadOnlyDictionary<string, float>?>? window)
    {
        IReadOnlyList<ReadGlyph> g = glyphs.Glyphs!, n = network.Glyphs!;
        (string label, float p, float runnerUp) = Product(SurestView(g[slot].Box, n[slot].Box, glyphClasses), WithWindow(n[slot], window));
        var fusedGlyphs = g.ToArray();
        var fusedNetwork = n.ToArray();
        fusedGlyphs[slot] = g[slot] with { Label = label, Probability = p, RunnerUp = runnerUp };
        fusedNetwork[slot] = n[slot] with { Label = label, Probability = p, RunnerUp = runnerUp };
        return (With(glyphs, fusedGlyphs), With(network, fusedNetwork));
    }

    /// <summary>
    /// The line network's reading with its class Hangul fused with the glyph CNN's distribution on the network's place for
    /// it (the token's box: halfway to its neighbours, the line's height), where the glyph reader reads nothing or another
    /// plate and the network stands alone: null where the reading has no class Hangul or more than one syllable, or its
    /// syllable no distribution or place, or the glyph CNN sees no syllable there. Alone the network was sure of its
    /// commonest confident error (267허9033 read 267아9033, 아 0.91 / 허 0.06, where the glyph CNN reads 허), and a
    /// syllable under its floor was only confirmed or refused by the glyph CNN (637라8520, refused): the product reads both.
    /// <para>
    /// Only where the glyph CNN sees a syllable in the place at all — its class Hangul syllables hold at least
    /// <see cref="MinSyllableMass"/> of its probability: a place that is mostly background, a frame's edge or a neighbour's
    /// stroke (a blurred or tilted line's token columns) is read by the classifier as junk or a digit, and the Hangul
    /// syllables' small remainder, renormalised, would be noise posing as a distribution that vetoes the network's.
    /// </para>
    /// </summary>
    public static LineReading? FuseAlone(LineReading network, Func<GlyphBox, IReadOnlyDictionary<string, float>> glyphClasses,
        Func<GlyphBox, IReadOnlyDictionary<string, float>?>? window = null)
    {
        if (network.Glyphs is not { } n) return null;
        int slot = -1;
        for (int i = 0; i < n.Count; i++)
        {
            if (!IsSyllable(n[i].Label)) continue;
            if (slot >= 0) return null;
            slot = i;
        }

        if (slot < 0 || n[slot].Alternatives is null || n[slot].Box.Width <= 1) return null;
        IReadOnlyDictionary<string, float> seen = glyphClasses(n[slot].Box);
        IReadOnlyDictionary<string, float>? windowed = Sure(window?.Invoke(n[slot].Box));
        if (seen.Values.Sum() < MinSyllableMass && windowed is null) return null;
        // Where the glyph CNN sees no syllable on the place (a blurred line's glued ink), the window classifier alone is
        // the network's second opinion.
        (string label, float p, float runnerUp) = seen.Values.Sum() < MinSyllableMass
            ? Product(windowed!, n[slot].Alternatives!)
            : Product(seen, windowed is null ? n[slot].Alternatives! : Combined(n[slot].Alternatives!, windowed));
        var fused = n.ToArray();
        fused[slot] = n[slot] with { Label = label, Probability = p, RunnerUp = runnerUp };
        return With(network, fused);
    }

    /// <summary>
    /// The network's distribution of a class Hangul, multiplied by the window classifier's on its place
    /// (<see cref="LineRecognition.ClassWindowModel"/>) where there is one: both read the line network's input image, but
    /// one along the whole line's columns in context, the other a window trained on moving cars' lines alone.
    /// </summary>
    private static IReadOnlyDictionary<string, float> WithWindow(ReadGlyph glyph, Func<GlyphBox, IReadOnlyDictionary<string, float>?>? window) =>
        Sure(window?.Invoke(glyph.Box)) is { } windowed ? Combined(glyph.Alternatives!, windowed) : glyph.Alternatives!;

    /// <summary>
    /// The least probability of the window classifier's first syllable for its distribution to count. On held-out
    /// generated lines it was 0.9 sure on 205 of 247 moving cars' lines and 862 of 932 others, and right on every one;
    /// below that, right on 32 of 42 and 61 of 70. Counted where it is unsure, it turned single looks of a plate to
    /// its second syllable (633저1722 read 자, its window 자 0.72) or carried a look with a misread digit over the floor
    /// (791아0030 read 791아0080, its window 아 0.73): false plates on the bench (seed 2). At 0.9 it turned a sharp
    /// 86마8607 that both other readers read (glyph CNN 마 0.82, network 아 0.73) to 아 with its wrong 아 0.90–0.91
    /// (seed 4); the plates it read were at 0.95–1.00. Set so with the committed model: the value is the model's own
    /// cut-off (<see cref="LineRecognition.ClassWindowModel.MinSureShare"/>), re-derived with each model.
    /// </summary>
    public const float MinSureWindow = LineRecognition.ClassWindowModel.MinSureShare;

    private static IReadOnlyDictionary<string, float>? Sure(IReadOnlyDictionary<string, float>? window) =>
        window is not null && window.Values.DefaultIfEmpty().Max() >= MinSureWindow * window.Values.Sum() ? window : null;

    /// <summary>The normalised product of two distributions over syllables (each floored at <see cref="Floor"/>).</summary>
    private static Dictionary<string, float> Combined(IReadOnlyDictionary<string, float> a, IReadOnlyDictionary<string, float> b)
    {
        a = Normalised(a);
        b = Normalised(b);
        var product = a.Keys.Union(b.Keys).ToDictionary(l => l, l => Math.Max(a.GetValueOrDefault(l), Floor) * Math.Max(b.GetValueOrDefault(l), Floor), StringComparer.Ordinal);
        return Normalised(product);
    }

    /// <summary>
    /// The least share of the glyph CNN's probability its class Hangul syllables must hold on a place for
    /// <see cref="FuseAlone"/> to read its distribution there: more than half, the classifier finding a syllable likelier
    /// than all else it knows (digits, region names, "not a glyph") together.
    /// </summary>
    public const float MinSyllableMass = 0.5f;

    /// <summary>
    /// The syllable of the normalised product of two distributions over the same syllables (each probability floored at
    /// <see cref="Floor"/>), its probability and the runner-up's.
    /// </summary>
    public static (string Label, float Probability, float RunnerUp) Product(IReadOnlyDictionary<string, float> a, IReadOnlyDictionary<string, float> b)
    {
        a = Normalised(a);
        b = Normalised(b);
        var product = a.Keys.Union(b.Keys)
            .Select(label => (Label: label, P: Math.Max(a.GetValueOrDefault(label), Floor) * (double)Math.Max(b.GetValueOrDefault(label), Floor)))
            .OrderByDescending(x => x.P).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
        double total = product.Sum(x => x.P);
        return (product[0].Label, (float)(product[0].P / total), product.Count > 1 ? (float)(product[1].P / total) : 0);
    }

    /// <summary>
    /// The glyph CNN's distribution on whichever of two cuts of the syllable it reads a syllable in more surely (the highest
    /// probability of any): the glyph reader's box, or the network's place (halfway to the neighbouring characters, the
    /// line's height). A cut that clips a stroke or takes in a neighbour's edge shows no syllable the classifier learnt
    /// (10머1969's box, its ㅁ's foot lost, read 거 0.46; the place 머 0.82); the layouts choose between cuts so too.
    /// </summary>
    private static IReadOnlyDictionary<string, float> SurestView(GlyphBox box, GlyphBox place, Func<GlyphBox, IReadOnlyDictionary<string, float>> glyphClasses)
    {
        IReadOnlyDictionary<string, float> own = glyphClasses(box);
        if (place.Width <= 1 || place == box) return own;
        IReadOnlyDictionary<string, float> there = glyphClasses(place);
        return there.Values.DefaultIfEmpty().Max() > own.Values.DefaultIfEmpty().Max() ? there : own;
    }

    // A distribution scaled to sum to 1 (its total floored, so an empty or all-zero one stays all zero).
    internal static Dictionary<string, float> Normalised(IReadOnlyDictionary<string, float> p)
    {
        float total = Math.Max(p.Values.Sum(), 1e-6f);
        return p.ToDictionary(kv => kv.Key, kv => kv.Value / total, StringComparer.Ordinal);
    }

    private static bool IsSyllable(string label) => label.Length == 1 && LabelSets.IsHangulSyllable(label[0]);

    // The reading with its glyphs replaced: its text, confidence (geometric mean) and weakest glyph follow them.
    internal static LineReading With(LineReading reading, ReadGlyph[] glyphs) => reading with
    {
        Text = string.Concat(glyphs.Select(x => LabelSets.Plain(x.Label))),
        Confidence = LineReading.ConfidenceOf(glyphs.Select(x => (double)x.Probability)),
        WeakestGlyph = glyphs.Min(x => x.Probability),
        Glyphs = glyphs,
    };
}
