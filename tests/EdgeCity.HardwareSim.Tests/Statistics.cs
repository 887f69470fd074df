namespace EdgeCity.HardwareSim.Tests;

/// <summary>Mean and standard deviation of a sample, for the noise tests.</summary>
internal static class Statistics
{
    public static (double Mean, double StandardDeviation) Describe(IReadOnlyCollection<double> values)
    {
        double mean = values.Average();
        return (mean, Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average()));
    }
}
