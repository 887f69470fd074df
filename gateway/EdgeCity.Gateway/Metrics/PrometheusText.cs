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

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
