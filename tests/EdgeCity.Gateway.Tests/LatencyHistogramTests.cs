using EdgeCity.Gateway.Metrics;

namespace EdgeCity.Gateway.Tests;

public class LatencyHistogramTests
{
    [Fact]
    public void A_sample_counts_in_the_first_bucket_whose_upper_bound_is_not_below_it_and_beyond_the_last_in_plus_Inf()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(0.9);     // le 1
        histogram.Record(1);       // le 1: bounds are inclusive, as Prometheus' le
        histogram.Record(1.01);    // le 1.25
        histogram.Record(-3);      // a clock step: counts as 0, le 0.25
        histogram.Record(120_000); // +Inf
        histogram.Record(49, samples: 3);

        long[] cumulative = histogram.CumulativeCounts();
        int Index(double bound) => LatencyHistogram.BoundsMs.ToList().IndexOf(bound);
        Assert.Equal(1, cumulative[Index(0.25)]);
        Assert.Equal(3, cumulative[Index(1)]);
        Assert.Equal(4, cumulative[Index(1.25)]);
        Assert.Equal(4, cumulative[Index(45)]);
        Assert.Equal(7, cumulative[Index(50)]);
        Assert.Equal(7, cumulative[Index(60_000)]);
        Assert.Equal(8, cumulative[^1]);
        Assert.Equal(8, histogram.Count);
        Assert.Equal((0.9 + 1 + 1.01 + 120_000 + (3 * 49)) / 1000, histogram.SumSeconds, precision: 6);
    }

    [Fact]
    public void Metrics_text_carries_cumulative_buckets_in_seconds_then_sum_and_count()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(3);
        histogram.Record(700);
        string text = new PrometheusText().Family("x_seconds", "histogram", "test").Histogram("x_seconds", "stage=\"a\"", histogram).ToString();

        Assert.Contains("x_seconds_bucket{stage=\"a\",le=\"0.002\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("x_seconds_bucket{stage=\"a\",le=\"0.003\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("x_seconds_bucket{stage=\"a\",le=\"0.75\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("x_seconds_bucket{stage=\"a\",le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("x_seconds_sum{stage=\"a\"} 0.703\n", text, StringComparison.Ordinal);
        Assert.Contains("x_seconds_count{stage=\"a\"} 2\n", text, StringComparison.Ordinal);
    }
}
