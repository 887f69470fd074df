namespace EdgeCity.Inventory;

/// <summary><c>./edgecity boards validate [FILE]</c>: checks a boards.json and says what is wrong, one line each.</summary>
public static class BoardsValidateCommand
{
    /// <summary>Exit code: the file is a valid inventory.</summary>
    public const int Valid = 0;

    /// <summary>Exit code: the file has problems (listed on stderr).</summary>
    public const int Invalid = 1;

    /// <summary>Exit code: the file does not exist.</summary>
    public const int NotFound = 2;

    /// <summary>
    /// Validates <paramref name="path"/>. Valid: prints
    /// <c>boards.json: valid (73 boards: 64 bays in 1 lot, 3 shelters, 6 cameras)</c> to <paramref name="stdout"/>.
    /// Otherwise prints one <c>file:line:column: path: message</c> line per problem to <paramref name="stderr"/>.
    /// </summary>
    /// <returns><see cref="Valid"/> (0), <see cref="Invalid"/> (1) or <see cref="NotFound"/> (2).</returns>
    public static int Run(string path, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        InventoryCheck check = BoardsValidator.CheckFile(path);
        if (check.Inventory is { } inventory)
        {
            stdout.WriteLine($"{path}: valid ({Summary(inventory)})");
            return Valid;
        }

        foreach (ValidationProblem problem in check.Problems)
        {
            stderr.WriteLine(problem);
        }

        return check.Problems.Any(p => p.Kind == ValidationProblemKind.FileNotFound) ? NotFound : Invalid;
    }

    private static string Summary(BoardInventory inventory) =>
        $"{Count(inventory.BoardCount, "board")}: {Count(inventory.Bays.Count, "bay")} in {Count(inventory.ParkingLots.Count, "lot")}, "
        + $"{Count(inventory.Shelters.Count, "shelter")}, {Count(inventory.Cameras.Count, "camera")}";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
