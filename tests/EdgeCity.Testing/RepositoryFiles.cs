namespace EdgeCity.Testing;

/// <summary>Finds the repository's own files (boards.json, the schema) from a test's output folder.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds EdgeCity.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The shipped inventory.</summary>
    public static string BoardsJson => Path.Combine(Root, "boards.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeCity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No EdgeCity.sln above {AppContext.BaseDirectory}");
    }
}
