using EdgeCity.Anpr.Glyphs;

namespace EdgeCity.Anpr.Reading;

/// <summary>
/// Classifies the glyph boxes of one rectified line, each box once, and answers "the best label of class X for this
/// box, and how likely": the layouts ask the same box as a digit, as part of a Hangul syllable, as a region name.
/// </summary>
internal sealed class GlyphScorer
{
    private readonly RectifiedLine _line;
    private readonly IGlyphClassifier _classifier;
    private readonly Dictionary<GlyphBox, float[]> _probabilities = [];

    public GlyphScorer(RectifiedLine line, IGlyphClassifier classifier)
    {
        _line = line;
        _classifier = classifier;
    }

    /// <summary>Classifies <paramref name="boxes"/> in one batch.</summary>
    public void Prepare(IEnumerable<GlyphBox> boxes)
    {
        var todo = boxes.Where(b => !_probabilities.ContainsKey(b)).Distinct().ToList();
        if (todo.Count == 0) return;
        float[][] p = _classifier.Classify(_line.Grey, todo);
        for (int i = 0; i < todo.Count; i++) _probabilities[todo[i]] = p[i];
    }

    /// <summary>The most likely label among <paramref name="candidates"/> (indices into the classifier's labels).</summary>
    public (string Label, float Probability) Best(GlyphBox box, IReadOnlyList<int> candidates)
    {
        ReadGlyph read = Read(box, candidates);
        return (read.Label, read.Probability);
    }

    /// <summary>The classifier's probability of each of <paramref name="candidates"/> for <paramref name="box"/>.</summary>
    public Dictionary<string, float> Distribution(GlyphBox box, IReadOnlyList<int> candidates)
    {
        float[] p = Probabilities(box);
        return candidates.ToDictionary(k => _classifier.Labels[k], k => p[k], StringComparer.Ordinal);
    }

    /// <summary>
    /// The glyph <paramref name="box"/> reads as among <paramref name="candidates"/>, with the probability of the
    /// runner-up among them: how close the classifier came to reading it as something else.
    /// </summary>
    public ReadGlyph Read(GlyphBox box, IReadOnlyList<int> candidates)
    {
        float[] p = Probabilities(box);

        int best = -1;
        float bestP = -1, runnerUp = 0;
        foreach (int k in candidates)
        {
            if (p[k] > bestP)
            {
                if (best >= 0) runnerUp = bestP;
                bestP = p[k];
                best = k;
            }
            else
            {
                runnerUp = Math.Max(runnerUp, p[k]);
            }
        }

        return best < 0 ? new ReadGlyph(box, GlyphClassifier.Junk, 0, 0) : new ReadGlyph(box, _classifier.Labels[best], bestP, runnerUp);
    }

    private float[] Probabilities(GlyphBox box)
    {
        if (!_probabilities.TryGetValue(box, out float[]? p))
        {
            Prepare([box]);
            p = _probabilities[box];
        }

        return p;
    }
}
