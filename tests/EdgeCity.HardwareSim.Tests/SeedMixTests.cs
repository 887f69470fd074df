using EdgeCity.HardwareSim.Time;

namespace EdgeCity.HardwareSim.Tests;

public class SeedMixTests
{
    [Fact]
    public void Child_seeds_are_the_same_in_every_process_so_a_printed_seed_reproduces_a_run()
    {
        // Values computed once in another process: HashCode.Combine would give different ones each run.
        Assert.Equal(-1806667742, SeedMix.Combine(1, 2));
        Assert.Equal(344115358, SeedMix.Combine(1, "bit-songdo-1"));
    }

    [Fact]
    public void Neighbouring_parts_get_unrelated_seeds()
    {
        var seeds = Enumerable.Range(0, 1000).Select(i => SeedMix.Combine(7, i)).ToHashSet();
        Assert.Equal(1000, seeds.Count);
        Assert.NotEqual(SeedMix.Combine(7, 1), SeedMix.Combine(1, 7));
    }
}
