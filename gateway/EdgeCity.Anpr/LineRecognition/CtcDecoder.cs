namespace EdgeCity.Anpr.LineRecognition;

/// <summary>One token read from a line: its index, the output columns it spans and its probability (the highest along its span).</summary>
internal readonly record struct CtcToken(int Token, int FirstColumn, int LastColumn, float Probability);

/// <summary>
/// Greedy (best path) CTC decoding: the most probable token of each column among those allowed (the other region's
/// tokens masked out), then runs of the same token merged and blanks dropped — a token repeated with a blank between
/// (the 11 of 1162) stays two tokens. Best-path decoding is within a fraction of a percent of a beam search for a
/// network this confident, at a fraction of the cost.
/// </summary>
internal static class CtcDecoder
{
    /// <summary>The CTC blank's index.</summary>
    public const int Blank = 0;

    /// <summary>
    /// Decodes <paramref name="columns"/> rows of <paramref name="tokens"/> probabilities (row-major) with only the
    /// tokens whose <paramref name="allowed"/> entry is true (the blank always is).
    /// </summary>
    public static List<CtcToken> Greedy(ReadOnlySpan<float> probabilities, int columns, int tokens, ReadOnlySpan<bool> allowed)
    {
        if (probabilities.Length < columns * tokens) throw new ArgumentException($"{probabilities.Length} probabilities for {columns} columns × {tokens} tokens", nameof(probabilities));
        if (allowed.Length != tokens) throw new ArgumentException($"{allowed.Length} allowed flags for {tokens} tokens", nameof(allowed));
        var read = new List<CtcToken>();
        int previous = Blank;
        for (int c = 0; c < columns; c++)
        {
            ReadOnlySpan<float> row = probabilities.Slice(c * tokens, tokens);
            int best = Blank;
            for (int t = 1; t < tokens; t++)
            {
                if (allowed[t] && row[t] > row[best]) best = t;
            }

            if (best != Blank)
            {
                if (best == previous)
                {
                    CtcToken last = read[^1];
                    read[^1] = last with { LastColumn = c, Probability = Math.Max(last.Probability, row[best]) };
                }
                else
                {
                    read.Add(new CtcToken(best, c, c, row[best]));
                }
            }

            previous = best;
        }

        return read;
    }
}
