using EdgeCity.Cli.Benchmarks;

namespace EdgeCity.Anpr.Tests;

/// <summary>The benchmark's hard mix, cut to a few dozen scenes so it runs in the test suite.</summary>
public class ReducedAnprBenchTests
{
    [Fact]
    public void A_few_dozen_scenes_of_the_hard_mix_read_within_bounds()
    {
        const int seed = 7;
        var output = new StringWriter();
        var (tally, exitCode) = AnprBenchmark.Run(seed, 48, output, CancellationToken.None);
        string report = $"seed {seed}:\n{output}";
        Assert.Equal(0, exitCode);
        // Floors under what the committed models (the glyph CNN) measure on these 48 scenes with the rim-aware detection
        // and two-line upper line (exact 0.864, chars 0.853, no false plate; before them 0.750, 0.759, 0.021; the HOG +
        // MLP classifier measured 0.682, 0.678, 0; docs/anpr.md), with room for a retrained or faster classifier: a
        // regression detector, not the targets, which the full `bench anpr` reports against.
        Assert.True(tally.ExactRate >= 0.75, $"exact {tally.ExactRate:F3} < 0.75; {report}");
        Assert.True(tally.CharacterAccuracy >= 0.75, $"char accuracy {tally.CharacterAccuracy:F3} < 0.75; {report}");
        Assert.True(tally.FalsePlatesPerFrame <= 0.05, $"false plates per frame {tally.FalsePlatesPerFrame:F3} > 0.05; {report}");
        Assert.StartsWith("{\"bench\":\"anpr\",\"scenes\":48,", output.ToString().TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }
}
