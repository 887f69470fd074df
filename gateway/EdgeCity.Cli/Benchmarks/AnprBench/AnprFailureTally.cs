using System.Globalization;
using EdgeCity.Anpr.Diagnostics;

namespace EdgeCity.Cli.Benchmarks.AnprBench;

/// <summary>
/// The failure analysis of <c>bench anpr</c>: per condition, how many plates each pipeline stage lost
/// (<see cref="StageDiagnosis"/>) and where the false plates came from (<see cref="FalsePlateSource"/>).
/// </summary>
internal sealed class AnprFailureTally
{
    private readonly Dictionary<string, Dictionary<string, int>> _stages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _scenes = new(StringComparer.Ordinal);

    public void AddScene(IEnumerable<string> conditions, string? lostAt, IEnumerable<string> falseSources)
    {
        var sources = falseSources.ToList();
        foreach (string c in conditions)
        {
            _scenes[c] = _scenes.GetValueOrDefault(c) + 1;
            if (lostAt is not null) Increment(_stages, c, lostAt);
            foreach (string s in sources) Increment(_sources, c, s);
        }
    }

    /// <summary>Two tables: plates lost per stage, false plates per source, each row a condition (counts of scenes/readings).</summary>
    public void Write(TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine("plates not read exactly, by the stage that lost them (counts):");
        WriteTable(output, inv, _stages, StageDiagnosis.Stages, 13);
        output.WriteLine("false plates (readings that are not the true text), by where they were read (counts):");
        WriteTable(output, inv, _sources, FalsePlateSource.All, 16);
    }

    private void WriteTable(TextWriter output, CultureInfo inv, Dictionary<string, Dictionary<string, int>> table, IReadOnlyList<string> columns, int width)
    {
        string Short(string c) => c.Length <= width ? c : c[..width];
        output.WriteLine(string.Create(inv, $"{"condition",-30} {"scenes",6} ") + string.Join(' ', columns.Select(c => Short(c).PadLeft(width))));
        foreach (string name in _scenes.Keys.OrderBy(k => k == "all" ? "" : k, StringComparer.Ordinal))
        {
            table.TryGetValue(name, out var counts);
            output.WriteLine(string.Create(inv, $"{name,-30} {_scenes[name],6} ")
                + string.Join(' ', columns.Select(c => (counts?.GetValueOrDefault(c) ?? 0).ToString(inv).PadLeft(width))));
        }
    }

    private static void Increment(Dictionary<string, Dictionary<string, int>> table, string row, string column)
    {
        if (!table.TryGetValue(row, out var counts)) table[row] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
        counts[column] = counts.GetValueOrDefault(column) + 1;
    }
}
