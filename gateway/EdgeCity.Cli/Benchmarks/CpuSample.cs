using System.Diagnostics;
using System.Globalization;

namespace EdgeCity.Cli.Benchmarks;

/// <summary>
/// CPU time used so far by the machine (all cores, /proc/stat) and by the processes a benchmark runs: the
/// service under test, the benchmark's own process (load generator and recorder) and the city's broker. Two
/// samples give where the cores went between them, so a figure says whether it was the system under test, the
/// load, or other work on a shared machine that took them.
/// </summary>
internal sealed record CpuSample(long Timestamp, double MachineBusySeconds, double ServiceSeconds, double BenchSeconds, double CitySeconds)
{
    private const double TicksPerSecond = 100; // USER_HZ: the unit of /proc's CPU times on Linux

    /// <summary>Samples now; a process id of 0 (not running) counts as no time.</summary>
    public static CpuSample Take(int servicePid, int cityPid) =>
        new(Stopwatch.GetTimestamp(), MachineBusy(), ProcessSeconds(servicePid), ProcessSeconds(Environment.ProcessId), ProcessSeconds(cityPid));

    /// <summary>One line: cores used by each between <paramref name="start"/> and <paramref name="end"/>, and µs of service CPU per event.</summary>
    public static string Describe(string service, CpuSample start, CpuSample end, long events)
    {
        double seconds = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
        double serviceCores = (end.ServiceSeconds - start.ServiceSeconds) / seconds;
        double benchCores = (end.BenchSeconds - start.BenchSeconds) / seconds;
        double cityCores = (end.CitySeconds - start.CitySeconds) / seconds;
        double machineCores = (end.MachineBusySeconds - start.MachineBusySeconds) / seconds;
        double perEvent = events > 0 ? (end.ServiceSeconds - start.ServiceSeconds) * 1e6 / events : double.NaN;
        double benchPerEvent = events > 0 ? (end.BenchSeconds - start.BenchSeconds) * 1e6 / events : double.NaN;
        return string.Create(CultureInfo.InvariantCulture,
            $"cores used, of {Environment.ProcessorCount}: {service} {serviceCores:0.00} ({perEvent:0} µs/event), boards + recorder {benchCores:0.00} ({benchPerEvent:0} µs/event), city broker {cityCores:0.00}, other work on the machine {Math.Max(0, machineCores - serviceCores - benchCores - cityCores):0.00}");
    }

    private static double MachineBusy()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal …": busy is all but idle and iowait.
            string[] fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long[] ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (ticks.Sum() - ticks[3] - ticks[4]) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }

    private static double ProcessSeconds(int pid)
    {
        if (pid == 0)
        {
            return 0;
        }

        try
        {
            // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
