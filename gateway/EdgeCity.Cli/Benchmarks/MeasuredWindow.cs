using System.Diagnostics;
using EdgeCity.DeliveryRig;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// A stretch of a <c>bench gateway</c> phase over which figures are taken: CPU of each process, events the boards
/// had acknowledged, the gateway's <c>/metrics</c> (null for the Mosquitto bridge), wall-clock bounds for picking
/// the events the boards stamped inside it.
/// </summary>
internal sealed record MeasuredWindow(CpuSample Cpu, int Acknowledged, GatewayMetricsSample? Metrics, long UnixMs)
{
    /// <summary>Samples now.</summary>
    public static async Task<MeasuredWindow> TakeAsync(int servicePid, int cityPid, BoardLoad load, Func<CancellationToken, Task<string>>? metrics, CancellationToken cancellationToken)
    {
        CpuSample cpu = CpuSample.Take(servicePid, cityPid);
        int acknowledged = load.Acknowledged;
        long unixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        GatewayMetricsSample? sample = metrics is null ? null : GatewayMetricsSample.Parse(await metrics(cancellationToken).ConfigureAwait(false));
        return new MeasuredWindow(cpu, acknowledged, sample, unixMs);
    }

    /// <summary>Seconds from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static double Seconds(MeasuredWindow start, MeasuredWindow end) => Stopwatch.GetElapsedTime(start.Cpu.Timestamp, end.Cpu.Timestamp).TotalSeconds;

    /// <summary>The lines that say where the time and the cores went between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static IEnumerable<string> Describe(string name, MeasuredWindow start, MeasuredWindow end)
    {
        yield return "    " + CpuSample.Describe(name, start.Cpu, end.Cpu, end.Acknowledged - start.Acknowledged);
        if (start.Metrics is not null && end.Metrics is not null)
        {
            foreach (string line in GatewayMetricsSample.Describe(start.Metrics, end.Metrics, Seconds(start, end)))
            {
                yield return line;
            }
        }
    }
}
