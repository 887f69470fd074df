using EdgeCity.Testing;

namespace EdgeCity.Cli.Tests;

public class BoardsDiffCommandLineTests
{
    [Fact]
    public async Task The_same_inventory_twice_has_no_differences_and_exit_code_0()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync("boards", "diff", "boards.json", "boards.json");
        Assert.Equal(0, exit);
        Assert.Contains("same boards", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Added_removed_and_changed_boards_are_listed_one_line_each_with_exit_code_1()
    {
        using var folder = new TemporaryFolder("diff");
        string text = await File.ReadAllTextAsync(RepositoryFiles.BoardsJson);
        string edited = Edit(Edit(text, "\"id\": \"pk-seomyeon1-a016\"", "\"id\": \"pk-seomyeon1-a099\""), "\"label\": \"A-001\"", "\"label\": \"A-100\"");
        await File.WriteAllTextAsync(folder.File("new.json"), edited);

        var (exit, stdout, stderr) = await CliProcess.RunAsync("boards", "diff", "boards.json", folder.File("new.json"));
        Assert.True(exit == 1, stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "- pk-seomyeon1-a016 (bay)",
                "~ pk-seomyeon1-a001 label: \"A-001\" -> \"A-100\"",
                "+ pk-seomyeon1-a099 (bay)",
                "1 added, 1 removed, 1 changed",
            ],
            lines);
    }

    [Fact]
    public async Task A_broken_inventory_is_reported_with_the_validators_lines_and_exit_code_2()
    {
        using var folder = new TemporaryFolder("diff");
        string text = await File.ReadAllTextAsync(RepositoryFiles.BoardsJson);
        await File.WriteAllTextAsync(folder.File("broken.json"), Edit(text, "\"interruptPin\": 4", "\"interruptPin\": 99"));

        var (exit, stdout, stderr) = await CliProcess.RunAsync("boards", "diff", "boards.json", folder.File("broken.json"));
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Matches(@"broken\.json:\d+:\d+: \$\.bays\[0\]\.sensors\[0\]\.interruptPin: ", stderr);
    }

    private static string Edit(string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found in boards.json");
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}
