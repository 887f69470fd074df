namespace EdgeCity.Inventory.Tests;

/// <summary>Files committed at the repository root, found by walking up from the test binaries.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>The repository root: the first folder upwards holding EdgeCity.sln or boards.json.</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>The shipped boards.json.</summary>
    public static string BoardsJson => Path.Combine(Root, "boards.json");

    /// <summary>The committed boards.schema.json.</summary>
    public static string BoardsSchemaJson => Path.Combine(Root, "boards.schema.json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgeCity.sln")) || File.Exists(Path.Combine(directory.FullName, "boards.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds EdgeCity.sln or boards.json.");
    }
}
