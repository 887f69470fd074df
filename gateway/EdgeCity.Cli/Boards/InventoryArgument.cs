using EdgeCity.Inventory;

namespace EdgeCity.Cli.Boards;

/// <summary>
/// Loads the inventory a technician command works on; on problems prints the validator's own
/// <c>file:line:column: path: expected</c> lines and gives the exit code to return.
/// </summary>
public static class InventoryArgument
{
    /// <summary>Exit code of a command whose inventory is missing or invalid.</summary>
    public const int BadInventory = 2;

    /// <summary>Loads <paramref name="path"/>; on problems writes them to <paramref name="stderr"/> and returns null.</summary>
    public static BoardInventory? TryLoad(string path, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (BoardInventoryLoader.TryLoad(path, out var inventory, out var problems))
        {
            return inventory;
        }

        foreach (ValidationProblem problem in problems)
        {
            stderr.WriteLine(problem);
        }

        return null;
    }
}
