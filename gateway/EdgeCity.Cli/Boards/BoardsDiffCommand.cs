using EdgeCity.Inventory;

namespace EdgeCity.Cli.Boards;

/// <summary>
/// <c>./edgecity boards diff OLD NEW</c>: which boards were added, removed or changed between two inventories,
/// by board id, one line each (a changed board gets one line per changed field).
/// </summary>
public static class BoardsDiffCommand
{
    /// <summary>Exit code: the two inventories hold the same boards.</summary>
    public const int Equal = 0;

    /// <summary>Exit code: boards differ (listed on stdout).</summary>
    public const int Different = 1;

    /// <summary>
    /// Compares the boards of <paramref name="oldPath"/> and <paramref name="newPath"/>. Lines:
    /// <c>+ ID (kind)</c> added, <c>- ID (kind)</c> removed, <c>~ ID field: old -> new</c> changed; then a summary.
    /// </summary>
    /// <returns><see cref="Equal"/>, <see cref="Different"/> or <see cref="InventoryArgument.BadInventory"/>.</returns>
    public static int Run(string oldPath, string newPath, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        BoardInventory? before = InventoryArgument.TryLoad(oldPath, stderr);
        BoardInventory? after = InventoryArgument.TryLoad(newPath, stderr);
        if (before is null || after is null)
        {
            return InventoryArgument.BadInventory;
        }

        var oldBoards = BoardEntry.AllOf(before).ToDictionary(b => b.Id, StringComparer.Ordinal);
        var newBoards = BoardEntry.AllOf(after);
        var newIds = newBoards.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        int added = 0, removed = 0, changed = 0;

        foreach (BoardEntry old in oldBoards.Values.Where(b => !newIds.Contains(b.Id)))
        {
            stdout.WriteLine($"- {old.Id} ({old.Kind})");
            removed++;
        }

        foreach (BoardEntry board in newBoards)
        {
            if (!oldBoards.TryGetValue(board.Id, out BoardEntry? old))
            {
                stdout.WriteLine($"+ {board.Id} ({board.Kind})");
                added++;
                continue;
            }

            var lines = ChangedFields(old, board).ToList();
            lines.ForEach(line => stdout.WriteLine($"~ {board.Id} {line}"));
            changed += lines.Count > 0 ? 1 : 0;
        }

        if (added + removed + changed == 0)
        {
            stdout.WriteLine($"{oldPath} and {newPath}: same boards");
            return Equal;
        }

        stdout.WriteLine($"{added} added, {removed} removed, {changed} changed");
        return Different;
    }

    private static IEnumerable<string> ChangedFields(BoardEntry old, BoardEntry now)
    {
        if (old.Kind != now.Kind)
        {
            yield return $"kind: {old.Kind} -> {now.Kind}";
        }

        var before = old.Fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var after = now.Fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (path, value) in now.Fields)
        {
            if (!before.TryGetValue(path, out string? was))
            {
                yield return $"{path}: added {value}";
            }
            else if (was != value)
            {
                yield return $"{path}: {was} -> {value}";
            }
        }

        foreach (var (path, value) in old.Fields.Where(f => !after.ContainsKey(f.Key)))
        {
            yield return $"{path}: removed {value}";
        }
    }
}
