using EdgeCity.Gateway.Ingest;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Storage;

/// <summary>
/// Commits board messages: every message into the event log (unique per board, boot and sequence, so a
/// QoS 1 redelivery is recognised), and its effect on the current bay state and board status. A bay's
/// state only moves forward: an older (boot, seq) arriving late does not overwrite a newer one.
/// </summary>
public sealed class BoardEventStore(GatewayDatabase database)
{
    /// <summary>Commits <paramref name="message"/> received at <paramref name="receivedAtUnixMs"/>.</summary>
    public Task<StoreOutcome> CommitAsync(BoardMessage message, long receivedAtUnixMs, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            if (!InsertEvent(connection, transaction, message, receivedAtUnixMs))
            {
                return StoreOutcome.Duplicate;
            }

            if (message.Kind == BoardMessageKind.State && message.State is not null)
            {
                UpsertBayState(connection, transaction, message, receivedAtUnixMs);
            }

            UpsertBoardStatus(connection, transaction, message, receivedAtUnixMs);
            return StoreOutcome.Applied;
        }, cancellationToken);

    private static bool InsertEvent(SqliteConnection connection, SqliteTransaction transaction, BoardMessage message, long receivedAtUnixMs)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO board_events (board_id, boot, seq, kind, observed_at_ms, received_at_ms, payload)
            VALUES ($board, $boot, $seq, $kind, $observed, $received, $payload)
            """;
        command.Parameters.AddWithValue("$board", message.BoardId);
        command.Parameters.AddWithValue("$boot", message.Boot);
        command.Parameters.AddWithValue("$seq", message.Sequence < 0 ? DBNull.Value : message.Sequence);
        command.Parameters.AddWithValue("$kind", message.Kind.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("$observed", message.ObservedAtUnixMs);
        command.Parameters.AddWithValue("$received", receivedAtUnixMs);
        command.Parameters.AddWithValue("$payload", message.Payload.GetRawText());
        return command.ExecuteNonQuery() == 1;
    }

    private static void UpsertBayState(SqliteConnection connection, SqliteTransaction transaction, BoardMessage message, long receivedAtUnixMs)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO bay_state (bay_id, state, changed_at_ms, received_at_ms, boot, seq)
            VALUES ($bay, $state, $changed, $received, $boot, $seq)
            ON CONFLICT (bay_id) DO UPDATE SET
                state = excluded.state, changed_at_ms = excluded.changed_at_ms,
                received_at_ms = excluded.received_at_ms, boot = excluded.boot, seq = excluded.seq
            WHERE excluded.boot > bay_state.boot OR (excluded.boot = bay_state.boot AND excluded.seq > bay_state.seq)
            """;
        command.Parameters.AddWithValue("$bay", message.BoardId);
        command.Parameters.AddWithValue("$state", message.State);
        command.Parameters.AddWithValue("$changed", message.ObservedAtUnixMs);
        command.Parameters.AddWithValue("$received", receivedAtUnixMs);
        command.Parameters.AddWithValue("$boot", message.Boot);
        command.Parameters.AddWithValue("$seq", message.Sequence);
        command.ExecuteNonQuery();
    }

    private static void UpsertBoardStatus(SqliteConnection connection, SqliteTransaction transaction, BoardMessage message, long receivedAtUnixMs)
    {
        // Any message but a last will proves the board is online.
        bool online = message.Online ?? true;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO board_status (board_id, online, firmware, boot, last_seen_ms)
            VALUES ($board, $online, $firmware, $boot, $seen)
            ON CONFLICT (board_id) DO UPDATE SET
                online = excluded.online,
                firmware = COALESCE(excluded.firmware, board_status.firmware),
                boot = MAX(excluded.boot, board_status.boot),
                last_seen_ms = MAX(excluded.last_seen_ms, board_status.last_seen_ms)
            WHERE excluded.boot >= board_status.boot
            """;
        command.Parameters.AddWithValue("$board", message.BoardId);
        command.Parameters.AddWithValue("$online", online ? 1 : 0);
        command.Parameters.AddWithValue("$firmware", (object?)message.Firmware ?? DBNull.Value);
        command.Parameters.AddWithValue("$boot", message.Boot);
        command.Parameters.AddWithValue("$seen", receivedAtUnixMs);
        command.ExecuteNonQuery();
    }
}
