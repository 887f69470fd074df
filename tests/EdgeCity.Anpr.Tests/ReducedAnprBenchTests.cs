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
        // Floors under what the committed models measure on these 48 scenes (exact 0.796, chars 0.822, two false
        // plates — the floor's limit; docs/anpr.md), left where they were set before the detection changes (0.682,
        // 0.678 and none then) so that a retrained or replaced classifier can land without moving them. A regression
        // detector, not the targets, which the full `bench anpr` reports against.
        Assert.True(tally.ExactRate >= 0.65, $"exact {tally.ExactRate:F3} < 0.65; {report}");
        Assert.True(tally.CharacterAccuracy >= 0.65, $"char accuracy {tally.CharacterAccuracy:F3} < 0.65; {report}");
        Assert.True(tally.FalsePlatesPerFrame <= 0.05, $"false plates per frame {tally.FalsePlatesPerFrame:F3} > 0.05; {report}");
        Assert.StartsWith("{\"bench\":\"anpr\",\"scenes\":48,", output.ToString().TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }
}
