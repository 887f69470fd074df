using EdgeCity.Anpr.LineRecognition;

namespace EdgeCity.Anpr.Tests;

/// <summary>Best-path CTC decoding: repeats merged, blanks dropped, a blank between two equal tokens keeps both, masked tokens never read.</summary>
public class CtcDecoderTests
{
    // Tokens: 0 blank, 1 "1", 2 "2", 3 "가".
    private const int Tokens = 4;

    private static float[] Columns(params int[] best)
    {
        var p = new float[best.Length * Tokens];
        for (int c = 0; c < best.Length; c++)
        {
            for (int t = 0; t < Tokens; t++) p[(c * Tokens) + t] = t == best[c] ? 0.7f : 0.1f;
        }

        return p;
    }

    [Fact]
    public void Repeated_columns_are_one_token_and_blanks_are_dropped()
    {
        List<CtcToken> read = CtcDecoder.Greedy(Columns(0, 1, 1, 1, 0, 3, 3, 0, 2), 9, Tokens, [true, true, true, true]);
        Assert.Equal([1, 3, 2], read.Select(t => t.Token));
        Assert.Equal((1, 3), (read[0].FirstColumn, read[0].LastColumn));
        Assert.Equal((5, 6), (read[1].FirstColumn, read[1].LastColumn));
        Assert.Equal((8, 8), (read[2].FirstColumn, read[2].LastColumn));
    }

    [Fact]
    public void A_blank_between_equal_tokens_keeps_both()
    {
        List<CtcToken> read = CtcDecoder.Greedy(Columns(1, 1, 0, 1, 2, 2), 6, Tokens, [true, true, true, true]);
        Assert.Equal([1, 1, 2], read.Select(t => t.Token));
    }

    [Fact]
    public void A_token_probability_is_its_highest_along_its_span()
    {
        float[] p = Columns(2, 2, 2);
        p[(1 * Tokens) + 2] = 0.9f;
        List<CtcToken> read = CtcDecoder.Greedy(p, 3, Tokens, [true, true, true, true]);
        Assert.Equal(0.9f, Assert.Single(read).Probability);
    }

    [Fact]
    public void A_masked_token_gives_way_to_the_best_allowed_one()
    {
        float[] p = Columns(3, 3, 0);
        p[(0 * Tokens) + 1] = 0.2f; // second best of column 0: "1"
        List<CtcToken> read = CtcDecoder.Greedy(p, 3, Tokens, [true, true, true, false]);
        // Column 0: "가" masked, blank (0.1) < "1" (0.2): reads "1"; column 1: blank and "1" tie at 0.1, blank kept.
        Assert.Equal([1], read.Select(t => t.Token));
        Assert.Equal(0.2f, read[0].Probability);
    }

    [Fact]
    public void All_blank_reads_nothing()
    {
        Assert.Empty(CtcDecoder.Greedy(Columns(0, 0, 0, 0), 4, Tokens, [true, true, true, true]));
    }

    [Fact]
    public void Too_few_probabilities_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CtcDecoder.Greedy(new float[7], 2, Tokens, [true, true, true, true]));
    }
}
