namespace EdgeCity.Cli.Provisioning;

/// <summary>
/// Where <c>./edgecity provision</c> leaves a board's MQTT secret for <c>./edgecity flash</c> to deploy:
/// <c>DIR/ID.secret</c>, readable by its owner only. The gateway keeps only a hash; boards.json never holds it.
/// </summary>
public static class BoardSecretFile
{
    /// <summary>The default folder, under the repository's ignored build output.</summary>
    public static string DefaultDirectory { get; } = Path.Combine(".artifacts", "provision");

    /// <summary>The secret file of <paramref name="boardId"/> in <paramref name="directory"/>.</summary>
    public static string PathOf(string directory, string boardId) => Path.Combine(directory, boardId + ".secret");

    /// <summary>Writes the secret (owner read/write only on Unix).</summary>
    public static string Write(string directory, string boardId, string secret)
    {
        Directory.CreateDirectory(directory);
        string path = PathOf(directory, boardId);
        File.WriteAllText(path, secret + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>The secret of <paramref name="boardId"/>, or null when it was not provisioned here.</summary>
    public static string? TryRead(string directory, string boardId)
    {
        string path = PathOf(directory, boardId);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
