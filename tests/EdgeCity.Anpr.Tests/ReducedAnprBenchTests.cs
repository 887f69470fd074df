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
        // Floors under what the committed models measure on these 48 scenes with both line readers (glyph CNN and line
        // network; exact 0.932, chars 0.925, no false plate; the glyph reader alone 0.886, 0.885, 0; before this
        // session's segmentation round 0.864, 0.853; the HOG + MLP classifier 0.682, 0.678; docs/anpr.md), with room for
        // a retrained classifier: a regression detector, not the targets, which the full `bench anpr` reports against.
        Assert.True(tally.ExactRate >= 0.85, $"exact {tally.ExactRate:F3} < 0.85; {report}");
        Assert.True(tally.CharacterAccuracy >= 0.85, $"char accuracy {tally.CharacterAccuracy:F3} < 0.85; {report}");
        Assert.True(tally.FalsePlatesPerFrame <= 0.05, $"false plates per frame {tally.FalsePlatesPerFrame:F3} > 0.05; {report}");
        Assert.StartsWith("{\"bench\":\"anpr\",\"scenes\":48,", output.ToString().TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }
}
