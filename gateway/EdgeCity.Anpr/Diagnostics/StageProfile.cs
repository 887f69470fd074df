using System.Globalization;

namespace EdgeCity.Anpr.Diagnostics;

/// <summary>
/// Where <see cref="PlateRecognizer.Read"/>'s time goes, per <see cref="Stage"/>: with <c>ANPR_PROFILE=1</c> set, each stage's
/// CPU time (<see cref="ThreadCpuClock"/>, exclusive of the stages nested in it) and calls are summed per thread, only inside
/// <c>Read</c> (not the benchmark's failure analysis, which calls the same code); <c>bench anpr</c> prints the table.
/// Without it each <see cref="Enter"/> is one static read; with it each stage's entry and exit read the thread's CPU clock
/// (a system call), which the stages entered most often (segmentation, ~40 times a frame) carry in their figures.
/// </summary>
internal static class StageProfile
{
    /// <summary>Whether stages are timed (<c>ANPR_PROFILE</c> set to anything but empty or 0).</summary>
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("ANPR_PROFILE") is { Length: > 0 } v && v != "0";

    private static readonly int StageCount = Enum.GetValues<Stage>().Length;

    [ThreadStatic]
    private static double[]? _ms;

    [ThreadStatic]
    private static long[]? _calls;

    [ThreadStatic]
    private static int _depth;

    [ThreadStatic]
    private static Stage _current;

    [ThreadStatic]
    private static double _since;

    // ANPR_PROFILE=alloc: the table's "ms" are KB the thread allocated instead (where the garbage collector's work comes
    // from: ~2.9 MB a frame, ~1.4 MB of it RunComponents' and the networks' working arrays; docs/anpr.md, wip/anfast).
    private static readonly bool Alloc = Environment.GetEnvironmentVariable("ANPR_PROFILE") == "alloc";
    private static double Clock() => Alloc ? GC.GetAllocatedBytesForCurrentThread() / 1024.0 : ThreadCpuClock.NowMs();

    /// <summary>Times <paramref name="stage"/> until the scope is disposed (nested stages are charged to themselves); dispose in reverse order.</summary>
    public static Scope Enter(Stage stage)
    {
        // Outside Read (depth 0) only the root scope counts.
        if (!Enabled || (_depth == 0 && stage != Stage.Other)) return default;
        _ms ??= new double[StageCount];
        _calls ??= new long[StageCount];
        double now = Clock();
        if (_depth > 0) _ms[(int)_current] += now - _since;
        Stage previous = _current;
        _current = stage;
        _calls[(int)stage]++;
        _depth++;
        _since = now;
        return new Scope(previous, true);
    }

    /// <summary>This thread's sums since the last <see cref="Reset"/>: milliseconds and calls per stage.</summary>
    public static IReadOnlyList<(Stage Stage, double Ms, long Calls)> Totals()
    {
        var result = new List<(Stage, double, long)>(StageCount);
        for (int s = 0; s < StageCount; s++)
        {
            result.Add(((Stage)s, _ms?[s] ?? 0, _calls?[s] ?? 0));
        }

        return result;
    }

    /// <summary>Clears this thread's sums.</summary>
    public static void Reset()
    {
        _ms = null;
        _calls = null;
    }

    /// <summary>The table <c>bench anpr</c> prints for <paramref name="frames"/> frames read: ms per frame, share, calls per frame.</summary>
    public static IEnumerable<string> Table(int frames) => Table(frames, Totals());

    /// <summary>The same table for <paramref name="totals"/> summed over <paramref name="frames"/> frames (a subset's, from <see cref="Totals"/> before and after each).</summary>
    public static IEnumerable<string> Table(int frames, IReadOnlyList<(Stage Stage, double Ms, long Calls)> totals)
    {
        double all = totals.Sum(t => t.Ms);
        var inv = CultureInfo.InvariantCulture;
        yield return string.Create(inv, $"{"stage (ANPR_PROFILE, CPU)",-34} {"ms/frame",9} {"share",6} {"calls/frame",11}");
        foreach ((Stage stage, double ms, long calls) in totals)
        {
            yield return string.Create(inv, $"{stage,-34} {ms / Math.Max(1, frames),9:F3} {(all > 0 ? ms / all : 0),6:P0} {calls / (double)Math.Max(1, frames),11:F2}");
        }

        yield return string.Create(inv, $"{"all",-34} {all / Math.Max(1, frames),9:F3}");
    }

    /// <summary>An open stage; disposing it charges the time since to it and returns to the enclosing one.</summary>
    internal readonly struct Scope(Stage previous, bool open) : IDisposable
    {
        public void Dispose()
        {
            if (!open) return;
            double now = Clock();
            _ms![(int)_current] += now - _since;
            _current = previous;
            _depth--;
            _since = now;
        }
    }
}
