using System.Globalization;
using EdgeCity.Gateway.Fleet;

namespace EdgeCity.Cli.Fleet;

/// <summary>The fleet as a table for a person: one line per board, then a summary line.</summary>
public static class FleetTable
{
    private static readonly string[] Header = ["board", "online", "last contact", "firmware", "config", "battery", "faults"];

    /// <summary>Writes <paramref name="boards"/>, with contact times relative to <paramref name="now"/>.</summary>
    public static void Write(IReadOnlyList<FleetBoardStatus> boards, DateTimeOffset now, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(boards);
        ArgumentNullException.ThrowIfNull(output);
        var rows = new List<string[]> { Header };
        rows.AddRange(boards.Select(b => new[]
        {
            b.BoardId,
            b.Online switch { true => "yes", false => "no", null => "-" },
            b.LastContact is { } seen ? Ago(now - seen) : "never",
            b.Firmware ?? "-",
            Config(b),
            b.BatteryMillivolts is { } mv ? mv.ToString(CultureInfo.InvariantCulture) + " mV" : "-",
            b.Faults.Count == 0 ? "-" : string.Join(",", b.Faults),
        }));
        int[] widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }

        int online = boards.Count(b => b.Online == true);
        int never = boards.Count(b => b.LastContact is null);
        int faulty = boards.Count(b => b.Faults.Count > 0);
        int pending = boards.Count(b => b.ConfigPending is not null);
        output.WriteLine($"{boards.Count} boards: {online} online, {boards.Count - online - never} offline, {never} never seen; {faulty} with faults; {pending} with configuration pending");
    }

    private static string Config(FleetBoardStatus board)
    {
        string applied = board.ConfigApplied?.ToString(CultureInfo.InvariantCulture) ?? "-";
        return board.ConfigPending is { } pending ? $"{applied} ({pending.ToString(CultureInfo.InvariantCulture)} pending)" : applied;
    }

    private static string Ago(TimeSpan elapsed) => elapsed.TotalSeconds switch
    {
        < 0 => "just now",
        < 90 => $"{(int)elapsed.TotalSeconds}s ago",
        < 5400 => $"{(int)elapsed.TotalMinutes}m ago",
        < 172800 => $"{(int)elapsed.TotalHours}h ago",
        _ => $"{(int)elapsed.TotalDays}d ago",
    };
}
