namespace EdgeCity.HardwareSim.Chips;

/// <summary>Normally distributed draws from a chip's own seeded generator, so every board's noise is reproducible.</summary>
internal static class GaussianNoise
{
    /// <summary>A draw from the standard normal distribution (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A draw uniform in [−<paramref name="halfWidth"/>, +<paramref name="halfWidth"/>).</summary>
    public static double NextSymmetric(this Random random, double halfWidth) => ((random.NextDouble() * 2.0) - 1.0) * halfWidth;
}
