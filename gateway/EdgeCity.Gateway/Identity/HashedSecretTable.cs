using System.Security.Cryptography;
using System.Text;
using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Identity;

/// <summary>
/// A table of random secrets handed out once (board credentials, API tokens), each kept only as a salted
/// HMAC-SHA256 under its key. A fast hash is enough because the secrets are random, not human passwords: there is
/// no dictionary to try. Columns: <c>{key column}, salt, secret_hash, created_at_ms</c>.
/// </summary>
internal sealed class HashedSecretTable(GatewayDatabase database, string table, string keyColumn)
{
    private const int SecretBytes = 24;
    private const int SaltBytes = 16;

    /// <summary>Creates (or replaces) the secret of <paramref name="key"/>; returns it (base64url, 192 bits), which is not kept.</summary>
    public string Create(string key, TimeProvider time)
    {
        string secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        using SqliteConnection connection = database.OpenOccasionalWriter();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO {table} ({keyColumn}, salt, secret_hash, created_at_ms) VALUES ($key, $salt, $hash, $now)
            ON CONFLICT ({keyColumn}) DO UPDATE SET salt = excluded.salt, secret_hash = excluded.secret_hash, created_at_ms = excluded.created_at_ms
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$salt", salt);
        command.Parameters.AddWithValue("$hash", Hash(salt, secret));
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        return secret;
    }

    /// <summary>True when <paramref name="secret"/> is the current secret of <paramref name="key"/> (constant-time comparison).</summary>
    public bool Matches(string key, string secret)
    {
        using SqliteConnection connection = database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT salt, secret_hash FROM {table} WHERE {keyColumn} = $key";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        return reader.Read() && CryptographicOperations.FixedTimeEquals((byte[])reader[1], Hash((byte[])reader[0], secret));
    }

    /// <summary>Deletes the secret of <paramref name="key"/>; false when there was none.</summary>
    public bool Delete(string key)
    {
        using SqliteConnection connection = database.OpenOccasionalWriter();
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {table} WHERE {keyColumn} = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Every key that has a secret, ordered.</summary>
    public IReadOnlyList<string> Keys()
    {
        using SqliteConnection connection = database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {keyColumn} FROM {table} ORDER BY {keyColumn}";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static byte[] Hash(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
