using System.Buffers;
using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Outbox;

/// <summary>
/// Reads what waits for upstream, in commit order, on its own connection (WAL: it never blocks the writer and
/// sees only committed entries). Used by the upstream pump alone. The bodies are copied from SQLite straight
/// into the batch being built (<see cref="RawStatement"/>): no row objects, strings or arrays per entry.
/// </summary>
public sealed class OutboxReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly RawStatement _next;

    /// <summary>Opens a read connection on <paramref name="database"/>.</summary>
    public OutboxReader(GatewayDatabase database)
    {
        _connection = database.OpenReader();
        _next = new RawStatement(_connection, "SELECT id, body, received_at_ms FROM outbox WHERE id > $after ORDER BY id LIMIT $limit");
    }

    /// <summary>
    /// Up to <paramref name="maxEntries"/> entries after id <paramref name="afterId"/> as one JSON array, stopping
    /// before the bodies would pass <paramref name="maxBodyBytes"/> (at least one entry, if any waits); null when
    /// none waits.
    /// </summary>
    public OutboxBatch? ReadBatch(long afterId, int maxEntries, int maxBodyBytes)
    {
        _next.Integer(1, afterId).Integer(2, maxEntries);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBodyBytes, 64 * 1024) + 2);
        int length = 0;
        int count = 0;
        long lastId = 0;
        long[]? receivedAt = null; // allocated with the first entry: most looks at the outbox find nothing waiting
        try
        {
            while (_next.Step())
            {
                ReadOnlySpan<byte> body = _next.ColumnBytes(1);
                if (count > 0 && length + body.Length > maxBodyBytes)
                {
                    break;
                }

                if (length + body.Length + 2 > buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + body.Length + 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                buffer[length++] = (byte)(count == 0 ? '[' : ',');
                body.CopyTo(buffer.AsSpan(length));
                length += body.Length;
                lastId = _next.ColumnInteger(0);
                receivedAt ??= new long[maxEntries];
                receivedAt[count] = _next.ColumnInteger(2);
                count++;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        finally
        {
            _next.Reset();
        }

        if (count == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        buffer[length++] = (byte)']';
        return new OutboxBatch(buffer, length, count, lastId, receivedAt!);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _next.Dispose();
        _connection.Dispose();
    }
}
