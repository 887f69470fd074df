using System.Security.Cryptography;
using System.Text;
using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Identity;

/// <summary>
/// Per-board MQTT credentials, created at provisioning (<c>./edgecity gateway provision</c>): a random 192-bit
/// secret shown once and flashed into the board, stored here only as a salted HMAC-SHA256. A fast hash is
/// enough because the secret is random, not a human password: there is no dictionary to try.
/// </summary>
public sealed class BoardCredentialStore(GatewayDatabase database)
{
    private const int SecretBytes = 24;
    private const int SaltBytes = 16;

    /// <summary>Creates (or replaces) the credentials of <paramref name="boardId"/>; returns the secret, which is not kept.</summary>
    public string Provision(string boardId, TimeProvider time)
    {
        string secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        using SqliteConnection connection = database.OpenOccasionalWriter();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO board_credentials (board_id, salt, secret_hash, created_at_ms) VALUES ($board, $salt, $hash, $now)
            ON CONFLICT (board_id) DO UPDATE SET salt = excluded.salt, secret_hash = excluded.secret_hash, created_at_ms = excluded.created_at_ms
            """;
        command.Parameters.AddWithValue("$board", boardId);
        command.Parameters.AddWithValue("$salt", salt);
        command.Parameters.AddWithValue("$hash", Hash(salt, secret));
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        return secret;
    }

    /// <summary>True when <paramref name="secret"/> is the provisioned secret of <paramref name="boardId"/>.</summary>
    public bool Verify(string boardId, string secret)
    {
        using SqliteConnection connection = database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT salt, secret_hash FROM board_credentials WHERE board_id = $board";
        command.Parameters.AddWithValue("$board", boardId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return false;
        }

        byte[] salt = (byte[])reader[0];
        byte[] expected = (byte[])reader[1];
        return CryptographicOperations.FixedTimeEquals(expected, Hash(salt, secret));
    }

    /// <summary>The ids of all provisioned boards, ordered.</summary>
    public IReadOnlyList<string> ProvisionedBoards()
    {
        using SqliteConnection connection = database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT board_id FROM board_credentials ORDER BY board_id";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static byte[] Hash(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
