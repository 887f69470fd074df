namespace EdgeCity.Gateway.Metrics;

/// <summary>
/// A latency distribution as Prometheus keeps one: counts per fixed bucket (upper bounds in ms), a sum and a
/// count, updated without locks from any thread. Two scrapes give the distribution between them, so a benchmark
/// or a dashboard can read a stage's p50 and p99 over a window without the gateway keeping every sample.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Upper bounds of the buckets in ms: about 25% apart from 1 to 100 ms, where the targets lie, coarser around.</summary>
    public static IReadOnlyList<double> BoundsMs { get; } =
    [
        0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 10, 12, 15, 18, 22, 26, 30, 35, 40, 45, 50, 60, 70, 80, 100,
        125, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000, 60000,
    ];

    // One count per bound, and the last for everything above the last bound (+Inf).
    private readonly long[] _counts = new long[BoundsMs.Count + 1];
    private long _sumMicroseconds;

    /// <summary>Samples recorded.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _counts.Length; i++)
            {
                total += Interlocked.Read(ref _counts[i]);
            }

            return total;
        }
    }

    /// <summary>Sum of the samples, in seconds.</summary>
    public double SumSeconds => Interlocked.Read(ref _sumMicroseconds) / 1e6;

    /// <summary>Records one sample of <paramref name="ms"/> milliseconds (negative values, from a clock step, count as 0).</summary>
    public void Record(double ms)
    {
        ms = Math.Max(0, ms);
        Interlocked.Increment(ref _counts[BucketOf(ms)]);
        Interlocked.Add(ref _sumMicroseconds, (long)(ms * 1000));
    }

    /// <summary>Records <paramref name="samples"/> samples of <paramref name="ms"/> each.</summary>
    public void Record(double ms, int samples)
    {
        ms = Math.Max(0, ms);
        Interlocked.Add(ref _counts[BucketOf(ms)], samples);
        Interlocked.Add(ref _sumMicroseconds, (long)(ms * 1000) * samples);
    }

    /// <summary>Cumulative counts per bound (the last is +Inf): what Prometheus' <c>_bucket</c> samples carry.</summary>
    public long[] CumulativeCounts()
    {
        var cumulative = new long[_counts.Length];
        long running = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            running += Interlocked.Read(ref _counts[i]);
            cumulative[i] = running;
        }

        return cumulative;
    }

    private static int BucketOf(double ms)
    {
        IReadOnlyList<double> bounds = BoundsMs;
        int low = 0;
        int high = bounds.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (ms <= bounds[middle])
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
