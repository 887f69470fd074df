using System.Security.Cryptography;
using System.Text;

namespace EdgeCity.Cli.Configuration;

/// <summary>
/// The site's configuration-signing key: 32 random bytes, as 64 hex digits, in <c>DIR/site-config-signing.key</c>
/// beside the boards' MQTT secrets (the credentials folder, owner-only). It never leaves the technicians' and
/// operators' machines: the gateway only relays signed configurations. Each board gets its own key derived from
/// it, <c>HMAC-SHA256(site key, "edgecity-config/" + board id)</c>, written into its flashed file by
/// <c>./edgecity flash</c>; so a key read out of one board signs nothing for any other.
/// </summary>
public sealed class SiteSigningKey
{
    /// <summary>The key file's name in the credentials folder.</summary>
    public const string FileName = "site-config-signing.key";

    private readonly byte[] _key;

    private SiteSigningKey(byte[] key) => _key = key;

    /// <summary>The key file in <paramref name="credentialsDirectory"/>.</summary>
    public static string PathIn(string credentialsDirectory) => Path.Combine(credentialsDirectory, FileName);

    /// <summary>Reads the key; null when there is none yet.</summary>
    /// <exception cref="InvalidDataException">The file is not 64 hex digits; the message names it.</exception>
    public static SiteSigningKey? TryLoad(string credentialsDirectory)
    {
        string path = PathIn(credentialsDirectory);
        if (!File.Exists(path))
        {
            return null;
        }

        string text = File.ReadAllText(path).Trim();
        try
        {
            byte[] key = Convert.FromHexString(text);
            if (key.Length == 32)
            {
                return new SiteSigningKey(key);
            }
        }
        catch (FormatException)
        {
            // reported below
        }

        throw new InvalidDataException($"{path}: expected 64 hex digits (the site's configuration-signing key), found {text.Length} characters");
    }

    /// <summary>Creates the key file unless there is one; returns the key and whether it was created.</summary>
    public static (SiteSigningKey Key, bool Created) LoadOrCreate(string credentialsDirectory)
    {
        if (TryLoad(credentialsDirectory) is { } existing)
        {
            return (existing, false);
        }

        Directory.CreateDirectory(credentialsDirectory);
        string path = PathIn(credentialsDirectory);
        byte[] key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToHexStringLower(key) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (new SiteSigningKey(key), true);
    }

    /// <summary>The key of board <paramref name="boardId"/> (what its flashed file holds as <c>configKey</c>).</summary>
    public byte[] BoardKey(string boardId) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("edgecity-config/" + boardId));

    /// <summary>The board's key as the 64 hex digits its configuration file carries.</summary>
    public string BoardKeyHex(string boardId) => Convert.ToHexStringLower(BoardKey(boardId));
}
