using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Outbox;

/// <summary>
/// Reads what waits for upstream, in commit order, on its own connection (WAL: it never blocks the writer and
/// sees only committed entries). Used by the upstream pump alone.
/// </summary>
public sealed class OutboxReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _next;

    /// <summary>Opens a read connection on <paramref name="database"/>.</summary>
    public OutboxReader(GatewayDatabase database)
    {
        _connection = database.OpenReader();
        _next = BoardEventStore.Prepare(_connection, """
            SELECT id, board_id, event_key, priority, received_at_ms, body FROM outbox
            WHERE id > $after ORDER BY id LIMIT $limit
            """, "$after", "$limit");
    }

    /// <summary>
    /// Up to <paramref name="maxEntries"/> entries after id <paramref name="afterId"/>, stopping before the body
    /// total would pass <paramref name="maxBodyBytes"/> (at least one entry is returned if any waits).
    /// </summary>
    public List<OutboxEntry> ReadAfter(long afterId, int maxEntries, int maxBodyBytes)
    {
        _next.Parameters[0].Value = afterId;
        _next.Parameters[1].Value = maxEntries;
        var entries = new List<OutboxEntry>(Math.Min(maxEntries, 256));
        long bytes = 0;
        using SqliteDataReader reader = _next.ExecuteReader();
        while (reader.Read())
        {
            // A TEXT column read as its UTF-8 bytes: forwarded as they are, never decoded.
            byte[] body = reader.GetFieldValue<byte[]>(5);
            bytes += body.Length;
            if (entries.Count > 0 && bytes > maxBodyBytes)
            {
                break;
            }

            entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                (OutboxPriority)reader.GetInt32(3), reader.GetInt64(4), body));
        }

        return entries;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _next.Dispose();
        _connection.Dispose();
    }
}
