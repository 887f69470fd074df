using EdgeCity.Anpr.Diagnostics;

namespace EdgeCity.Cli.Benchmarks.AnprBench;

/// <summary>
/// <see cref="StageProfile"/>'s sums over a subset of the frames read (those that read nothing): each frame's share is
/// the difference of the thread's totals after and before its read.
/// </summary>
internal sealed class StageTotals
{
    private readonly Dictionary<Stage, (double Ms, long Calls)> _sums = [];

    /// <summary>The summed milliseconds and calls per stage, in the stages' order.</summary>
    public IReadOnlyList<(Stage Stage, double Ms, long Calls)> Sums =>
        Enum.GetValues<Stage>().Select(s => _sums.TryGetValue(s, out var v) ? (s, v.Ms, v.Calls) : (s, 0.0, 0L)).ToList();

    /// <summary>Adds one frame: the thread's totals before and after its read.</summary>
    public void Add(IReadOnlyList<(Stage Stage, double Ms, long Calls)> before, IReadOnlyList<(Stage Stage, double Ms, long Calls)> after)
    {
        for (int i = 0; i < after.Count; i++)
        {
            (double ms, long calls) = _sums.GetValueOrDefault(after[i].Stage);
            _sums[after[i].Stage] = (ms + after[i].Ms - before[i].Ms, calls + after[i].Calls - before[i].Calls);
        }
    }
}
