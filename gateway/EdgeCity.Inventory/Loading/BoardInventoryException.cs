namespace EdgeCity.Inventory;

/// <summary>Thrown by <see cref="BoardInventoryLoader.Load"/> when a boards.json has problems; lists them all.</summary>
public sealed class BoardInventoryException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/> found in <paramref name="file"/>.</summary>
    public BoardInventoryException(string file, IReadOnlyList<ValidationProblem> problems)
        : base(Describe(file, problems))
    {
        File = file;
        Problems = problems;
    }

    /// <summary>The file as it was named to the loader.</summary>
    public string File { get; }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string Describe(string file, IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        string count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"{file} is not a valid board inventory ({count}):" + Environment.NewLine
            + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
