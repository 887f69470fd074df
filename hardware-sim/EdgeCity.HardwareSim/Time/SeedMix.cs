namespace EdgeCity.HardwareSim.Time;

/// <summary>
/// Derives child seeds from a run's seed, the same in every process. (<see cref="HashCode.Combine{T1,T2}"/> is
/// randomised per process, so a run seeded with it is not reproducible from its printed seed.)
/// </summary>
public static class SeedMix
{
    /// <summary>A seed for part <paramref name="part"/> of a run seeded <paramref name="seed"/> (SplitMix64 finaliser).</summary>
    public static int Combine(int seed, int part)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) ^ (uint)part) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }

    /// <summary>A seed for the part named <paramref name="name"/> (e.g. a board id), stable across processes.</summary>
    public static int Combine(int seed, string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return Combine(seed, unchecked((int)hash));
    }
}
