using System.Globalization;
using System.Text;

namespace EdgeCity.Gateway.Metrics;

/// <summary>Writes the Prometheus text exposition format (version 0.0.4): HELP, TYPE, then samples.</summary>
public sealed class PrometheusText
{
    private readonly StringBuilder _text = new(4096);

    /// <summary>A counter (only ever grows; a restart resets it).</summary>
    public PrometheusText Counter(string name, string help, long value) => Family(name, "counter", help).Sample(name, null, value);

    /// <summary>A gauge (goes up and down).</summary>
    public PrometheusText Gauge(string name, string help, double value) => Family(name, "gauge", help).Sample(name, null, value);

    /// <summary>Starts a family whose samples carry labels; add them with <see cref="Sample"/>.</summary>
    public PrometheusText Family(string name, string type, string help)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    /// <summary>One sample, with labels such as <c>priority="alarm"</c> (or none).</summary>
    public PrometheusText Sample(string name, string? labels, double value)
    {
        _text.Append(name);
        if (labels is not null)
        {
            _text.Append('{').Append(labels).Append('}');
        }

        _text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return this;
    }

    /// <summary>
    /// The samples of one histogram of a family started with type <c>histogram</c>: cumulative buckets with their
    /// upper bound in seconds (<c>le</c>), then the sum and the count; <paramref name="labels"/> (or null) go on each.
    /// </summary>
    public PrometheusText Histogram(string name, string? labels, LatencyHistogram histogram)
    {
        long[] cumulative = histogram.CumulativeCounts();
        string prefix = labels is null ? "" : labels + ",";
        for (int i = 0; i < cumulative.Length; i++)
        {
            string le = i < LatencyHistogram.BoundsMs.Count
                ? (LatencyHistogram.BoundsMs[i] / 1000).ToString("R", CultureInfo.InvariantCulture)
                : "+Inf";
            Sample(name + "_bucket", prefix + "le=\"" + le + "\"", cumulative[i]);
        }

        Sample(name + "_sum", labels, histogram.SumSeconds);
        return Sample(name + "_count", labels, cumulative[^1]);
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
