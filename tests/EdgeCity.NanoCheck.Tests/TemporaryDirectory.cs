namespace EdgeCity.NanoCheck.Tests;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("edgecity-nanocheck-");

    public string Path => _directory.FullName;

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/>, creating its folders; returns the full path.</summary>
    public string Write(string relativePath, byte[] content)
    {
        string path = System.IO.Path.Combine(_directory.FullName, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
