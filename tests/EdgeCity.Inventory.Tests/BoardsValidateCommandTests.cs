namespace EdgeCity.Inventory.Tests;

/// <summary><c>./edgecity boards validate [FILE]</c>: output streams and exit codes.</summary>
public sealed class BoardsValidateCommandTests
{
    [Fact]
    public void A_valid_file_prints_a_summary_to_stdout_and_exits_0()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int exitCode = BoardsValidateCommand.Run(RepositoryFiles.BoardsJson, stdout, stderr);

        Assert.Equal(0, exitCode);
        Assert.Equal($"{RepositoryFiles.BoardsJson}: valid (73 boards: 64 bays in 1 lot, 3 shelters, 6 cameras)" + Environment.NewLine, stdout.ToString());
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public void An_invalid_file_prints_one_line_per_problem_to_stderr_and_exits_1()
    {
        string text = MinimalInventory.With("\"lotId\": \"lot-a\"", "\"lotId\": \"lot-x\"").Replace("\"HMC5883L\"", "\"HMC9999\"", StringComparison.Ordinal);
        using var file = TempBoardsFile.WithText(text);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int exitCode = BoardsValidateCommand.Run(file.Path, stdout, stderr);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout.ToString());
        Assert.Equal(
            [
                $"{file.Path}:17:7: $.bays[0].lotId: lot 'lot-x' does not exist (expected one of the ids in $.parkingLots)",
                $"{file.Path}:22:34: $.bays[0].sensors[0].model: 'HMC9999' is not a valid magnetometer model (expected one of HMC5883L, QMC5883L, LIS2MDL)",
                "",
            ],
            stderr.ToString().Split(Environment.NewLine));
    }

    [Fact]
    public void A_missing_file_is_reported_on_stderr_with_exit_code_2()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "boards.json");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int exitCode = BoardsValidateCommand.Run(path, stdout, stderr);

        Assert.Equal(2, exitCode);
        Assert.Equal($"{path}: file not found (expected a boards.json inventory at this path)" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void A_small_valid_file_counts_in_the_singular_where_there_is_one()
    {
        using var file = TempBoardsFile.WithText(MinimalInventory.Text);
        using var stdout = new StringWriter();

        int exitCode = BoardsValidateCommand.Run(file.Path, stdout, TextWriter.Null);

        Assert.Equal(0, exitCode);
        Assert.Equal($"{file.Path}: valid (5 boards: 2 bays in 1 lot, 1 shelter, 2 cameras)" + Environment.NewLine, stdout.ToString());
    }
}
