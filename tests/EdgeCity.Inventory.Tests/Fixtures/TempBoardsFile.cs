using System.Text;

namespace EdgeCity.Inventory.Tests;

/// <summary>A boards.json in a fresh temporary folder, deleted with the folder on dispose.</summary>
public sealed class TempBoardsFile : IDisposable
{
    private readonly string _directory;

    private TempBoardsFile(byte[] content)
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edgecity-inventory-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "boards.json");
        File.WriteAllBytes(Path, content);
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static TempBoardsFile WithText(string text) => new(new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> exactly.</summary>
    public static TempBoardsFile WithBytes(byte[] bytes) => new(bytes);

    /// <summary>Validates the file.</summary>
    public IReadOnlyList<ValidationProblem> Validate() => BoardsValidator.Validate(Path);

    /// <summary>The one problem the file has, as the CLI prints it (fails when there are none or several).</summary>
    public string SingleProblem()
    {
        IReadOnlyList<ValidationProblem> problems = Validate();
        Assert.True(problems.Count == 1, $"Expected exactly one problem, got {problems.Count}:\n{string.Join('\n', problems)}");
        return problems[0].ToString();
    }

    /// <summary>Deletes the folder.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover temp folder must not fail a test
        }
    }
}
