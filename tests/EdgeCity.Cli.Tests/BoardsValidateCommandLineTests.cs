namespace EdgeCity.Cli.Tests;

public class BoardsValidateCommandLineTests
{
    [Fact]
    public async Task The_shipped_boards_json_is_valid_and_summarised()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync("boards", "validate", "boards.json");
        Assert.Equal(0, exit);
        Assert.Contains("boards.json: valid (73 boards: 64 bays in 1 lot, 3 shelters, 6 cameras)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_copy_fails_with_one_precise_line_per_problem()
    {
        string text = await File.ReadAllTextAsync(Path.Combine(EdgeCity.Testing.RepositoryFiles.Root, "boards.json"));
        string broken = text.Replace("\"lotId\": \"busan-lot-seomyeon-1\"", "\"lotId\": \"busan-lot-nowhere\"", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        string path = Path.Combine(Path.GetTempPath(), $"boards-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, broken);
        try
        {
            var (exit, _, stderr) = await CliProcess.RunAsync("boards", "validate", path);
            Assert.Equal(1, exit);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(64, lines.Count(l => l.Contains("lotId", StringComparison.Ordinal)));
            Assert.Matches(@"^.*boards-broken-\w+\.json:\d+:\d+: \$\.bays\[0\]\.lotId: .*busan-lot-nowhere", lines[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_file_is_reported_with_exit_code_2()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync("boards", "validate", "/nonexistent/boards.json");
        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/boards.json", stderr, StringComparison.Ordinal);
    }
}
