using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Outbox;

/// <summary>
/// The outbox's SQL on the writer connection, prepared once. Every removal returns what it removed, so the
/// in-memory content figures stay exact without re-counting the table.
/// </summary>
internal sealed class OutboxStatements : IDisposable
{
    private readonly RawStatement _insert;
    private readonly SqliteCommand _deleteForwarded;
    private readonly SqliteCommand _shedOldestTelemetry;
    private readonly SqliteCommand _expireTelemetry;

    public OutboxStatements(SqliteConnection writer)
    {
        _insert = new RawStatement(writer, """
            INSERT INTO outbox (id, board_id, event_key, priority, received_at_ms, bytes, body)
            VALUES ($id, $board, $key, $priority, $received, $bytes, $body)
            """);
        _deleteForwarded = BoardEventStore.Prepare(writer,
            "DELETE FROM outbox WHERE id <= $upTo RETURNING priority, bytes", "$upTo");
        _shedOldestTelemetry = BoardEventStore.Prepare(writer, """
            DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE priority = 0 ORDER BY id LIMIT $limit)
            RETURNING priority, bytes
            """, "$limit");
        _expireTelemetry = BoardEventStore.Prepare(writer, """
            DELETE FROM outbox WHERE id IN (
                SELECT id FROM outbox WHERE priority = 0 AND received_at_ms < $cutoff ORDER BY id LIMIT 10000)
            RETURNING priority, bytes
            """, "$cutoff");
    }

    public void Enlist(SqliteTransaction transaction)
    {
        _deleteForwarded.Transaction = transaction;
        _shedOldestTelemetry.Transaction = transaction;
        _expireTelemetry.Transaction = transaction;
    }

    public void Insert(long id, string boardId, OutboxDraft draft, long receivedAtUnixMs)
    {
        _insert.Integer(1, id).Text(2, boardId).Text(3, draft.EventKey).Integer(4, (int)draft.Priority)
            .Integer(5, receivedAtUnixMs).Integer(6, draft.Bytes).Utf8(7, draft.Utf8Body.Span).Execute();
    }

    /// <summary>Removes every entry up to <paramref name="upToId"/>: upstream confirmed them.</summary>
    public long DeleteForwarded(long upToId, OutboxContent content)
    {
        _deleteForwarded.Parameters[0].Value = upToId;
        return Remove(_deleteForwarded, content);
    }

    /// <summary>Removes up to <paramref name="limit"/> of the oldest telemetry entries.</summary>
    public long ShedOldestTelemetry(int limit, OutboxContent content)
    {
        _shedOldestTelemetry.Parameters[0].Value = limit;
        return Remove(_shedOldestTelemetry, content);
    }

    /// <summary>Removes telemetry received before <paramref name="cutoffUnixMs"/> (at most 10,000 per call).</summary>
    public long ExpireTelemetry(long cutoffUnixMs, OutboxContent content)
    {
        _expireTelemetry.Parameters[0].Value = cutoffUnixMs;
        return Remove(_expireTelemetry, content);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _deleteForwarded.Dispose();
        _shedOldestTelemetry.Dispose();
        _expireTelemetry.Dispose();
    }

    private static long Remove(SqliteCommand command, OutboxContent content)
    {
        long removed = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            content.Remove((OutboxPriority)reader.GetInt32(0), reader.GetInt64(1));
            removed++;
        }

        return removed;
    }
}
