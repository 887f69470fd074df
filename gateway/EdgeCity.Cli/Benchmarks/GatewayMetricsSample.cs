using System.Globalization;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// One scrape of the gateway's <c>/metrics</c>, reduced to what <c>bench gateway</c> breaks its latency down
/// with: the delivery stage histograms (<c>edgecity_delivery_stage_seconds</c>) and the garbage collector's
/// counters. Two samples give a window: <see cref="Describe"/> prints each stage's percentiles over it.
/// </summary>
internal sealed class GatewayMetricsSample
{
    private static readonly (string Stage, string Label)[] Stages =
    [
        ("transaction", "writer transaction (one per batch, incl. fsync)"),
        ("committed", "received → committed (PUBACK due)"),
        ("read_by_pump", "received → read by the upstream pump"),
        ("confirmed_upstream", "received → PUBACK from the city broker"),
    ];

    // stage → (upper bound in ms, cumulative count), in the order /metrics lists them.
    private readonly Dictionary<string, List<(double BoundMs, double Cumulative)>> _buckets = [];
    private readonly Dictionary<string, double> _values = [];

    private GatewayMetricsSample()
    {
    }

    /// <summary>Parses the Prometheus text of <c>/metrics</c>.</summary>
    public static GatewayMetricsSample Parse(string text)
    {
        var sample = new GatewayMetricsSample();
        foreach (string line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int space = line.LastIndexOf(' ');
            if (space < 0 || !double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                continue;
            }

            string key = line[..space];
            const string Bucket = "edgecity_delivery_stage_seconds_bucket{stage=\"";
            const string TransactionBucket = "edgecity_outbox_transaction_seconds_bucket{";
            if (key.StartsWith(Bucket, StringComparison.Ordinal) || key.StartsWith(TransactionBucket, StringComparison.Ordinal))
            {
                bool transaction = key.StartsWith(TransactionBucket, StringComparison.Ordinal);
                string rest = key[(transaction ? TransactionBucket : Bucket).Length..];
                string stage = transaction ? "transaction" : rest[..rest.IndexOf('"', StringComparison.Ordinal)];
                string le = rest[(rest.IndexOf("le=\"", StringComparison.Ordinal) + 4)..].TrimEnd('}').TrimEnd('"');
                double boundMs = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture) * 1000;
                if (!sample._buckets.TryGetValue(stage, out var buckets))
                {
                    sample._buckets[stage] = buckets = [];
                }

                buckets.Add((boundMs, value));
            }
            else
            {
                sample._values[key] = value;
            }
        }

        return sample;
    }

    /// <summary>One line per stage (count, p50, p99 between <paramref name="start"/> and <paramref name="end"/>), then one for garbage collection.</summary>
    public static IEnumerable<string> Describe(GatewayMetricsSample start, GatewayMetricsSample end, double seconds)
    {
        foreach (var (stage, label) in Stages)
        {
            if (!end._buckets.TryGetValue(stage, out var after))
            {
                continue;
            }

            var before = start._buckets.GetValueOrDefault(stage) ?? [];
            var window = after.Select((b, i) => (b.BoundMs, Cumulative: b.Cumulative - (i < before.Count ? before[i].Cumulative : 0))).ToList();
            double count = window.Count == 0 ? 0 : window[^1].Cumulative;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"    gateway {label}: p50 {Percentile(window, 0.5):0.0} ms, p99 {Percentile(window, 0.99):0.0} ms, p99.9 {Percentile(window, 0.999):0.0} ms ({count:0} {(stage == "transaction" ? "transactions" : "events")})");
        }

        double Delta(string key) => end._values.GetValueOrDefault(key) - start._values.GetValueOrDefault(key);
        yield return string.Create(CultureInfo.InvariantCulture,
            $"    gateway batching: {Delta("edgecity_outbox_appended_total") / Math.Max(1, Delta("edgecity_outbox_commits_total")):0.0} events per SQLite commit, {Delta("edgecity_upstream_entities_confirmed_total") / Math.Max(1, Delta("edgecity_upstream_batches_confirmed_total")):0.0} per upstream batch ({Delta("edgecity_upstream_batches_confirmed_total") / seconds:0} batches/s)");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"    gateway garbage collection: {Delta("dotnet_gc_collections_total{generation=\"0\"}"):0} gen 0, {Delta("dotnet_gc_collections_total{generation=\"1\"}"):0} gen 1, {Delta("dotnet_gc_collections_total{generation=\"2\"}"):0} gen 2 collections; paused {Delta("dotnet_gc_pause_seconds_total") * 1000:0} ms in {seconds:0.0} s; allocated {Delta("dotnet_gc_allocated_bytes_total") / seconds / 1048576:0.0} MiB/s");
    }

    /// <summary>The <paramref name="p"/> quantile, interpolated linearly within its bucket (as Prometheus' histogram_quantile).</summary>
    private static double Percentile(List<(double BoundMs, double Cumulative)> buckets, double p)
    {
        if (buckets.Count == 0 || buckets[^1].Cumulative <= 0)
        {
            return double.NaN;
        }

        double rank = p * buckets[^1].Cumulative;
        double lowerBound = 0;
        double lowerCount = 0;
        foreach (var (bound, cumulative) in buckets)
        {
            if (cumulative >= rank)
            {
                if (double.IsPositiveInfinity(bound))
                {
                    return lowerBound;
                }

                return cumulative == lowerCount ? bound : lowerBound + ((bound - lowerBound) * (rank - lowerCount) / (cumulative - lowerCount));
            }

            lowerBound = bound;
            lowerCount = cumulative;
        }

        return lowerBound;
    }
}
