using EdgeCity.Gateway.Ingest;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Storage;

/// <summary>
/// The SQL that records a board message: into the event log (appended; redeliveries are recognised before, by
/// <see cref="StoredSequences"/>), and its effect on the current bay state and board status. A bay's state only
/// moves forward: an older (boot, seq) arriving late does not overwrite a newer one. The statements are
/// prepared once on the writer connection and run through SQLite's C API (<see cref="RawStatement"/>) inside
/// the writer's open transaction, for every message of every batch.
/// </summary>
internal sealed class BoardEventStore : IDisposable
{
    private readonly RawStatement _insertEvent;
    private readonly RawStatement _upsertBayState;
    private readonly RawStatement _upsertBoardStatus;
    private readonly RawStatement _upsertLatest;

    /// <summary>Prepares the statements on <paramref name="writer"/>.</summary>
    public BoardEventStore(SqliteConnection writer)
    {
        _insertEvent = new RawStatement(writer, """
            INSERT OR IGNORE INTO board_events (board_id, boot, seq, kind, observed_at_ms, received_at_ms, payload)
            VALUES ($board, $boot, $seq, $kind, $observed, $received, $payload)
            """);
        _upsertBayState = new RawStatement(writer, """
            INSERT INTO bay_state (bay_id, state, changed_at_ms, received_at_ms, boot, seq)
            VALUES ($bay, $state, $changed, $received, $boot, $seq)
            ON CONFLICT (bay_id) DO UPDATE SET
                state = excluded.state, changed_at_ms = excluded.changed_at_ms,
                received_at_ms = excluded.received_at_ms, boot = excluded.boot, seq = excluded.seq
            WHERE excluded.boot > bay_state.boot OR (excluded.boot = bay_state.boot AND excluded.seq > bay_state.seq)
            """);
        _upsertBoardStatus = new RawStatement(writer, """
            INSERT INTO board_status (board_id, online, firmware, boot, last_seen_ms)
            VALUES ($board, $online, $firmware, $boot, $seen)
            ON CONFLICT (board_id) DO UPDATE SET
                online = excluded.online,
                firmware = COALESCE(excluded.firmware, board_status.firmware),
                boot = MAX(excluded.boot, board_status.boot),
                last_seen_ms = MAX(excluded.last_seen_ms, board_status.last_seen_ms)
            WHERE excluded.boot >= board_status.boot
            """);
        _upsertLatest = new RawStatement(writer, """
            INSERT INTO board_latest (board_id, kind, boot, seq, received_at_ms, payload)
            VALUES ($board, $kind, $boot, $seq, $received, $payload)
            ON CONFLICT (board_id, kind) DO UPDATE SET
                boot = excluded.boot, seq = excluded.seq, received_at_ms = excluded.received_at_ms, payload = excluded.payload
            WHERE excluded.boot > board_latest.boot OR (excluded.boot = board_latest.boot AND excluded.seq > board_latest.seq)
            """);
    }

    /// <summary>
    /// Logs <paramref name="message"/>; false when it is already logged (a redelivery that only the unique index
    /// of a database from before <c>board_sequences</c> recognises).
    /// </summary>
    public bool TryInsertEvent(BoardMessage message, long receivedAtUnixMs)
    {
        _insertEvent.Text(1, message.BoardId).Integer(2, message.Boot);
        if (message.Sequence < 0)
        {
            _insertEvent.Null(3);
        }
        else
        {
            _insertEvent.Integer(3, message.Sequence);
        }

        _insertEvent.Text(4, KindName(message.Kind)).Integer(5, message.ObservedAtUnixMs).Integer(6, receivedAtUnixMs);
        if (message.PayloadUtf8.IsEmpty)
        {
            _insertEvent.Text(7, message.Payload.GetRawText());
        }
        else
        {
            _insertEvent.Utf8(7, message.PayloadUtf8.Span);
        }

        return _insertEvent.Execute() == 1;
    }

    /// <summary>Applies a newly logged message to the bay state and the board status.</summary>
    public void Apply(BoardMessage message, long receivedAtUnixMs)
    {
        if (message.Kind == BoardMessageKind.State && message.State is not null)
        {
            _upsertBayState.Text(1, message.BoardId).Text(2, message.State).Integer(3, message.ObservedAtUnixMs)
                .Integer(4, receivedAtUnixMs).Integer(5, message.Boot).Integer(6, message.Sequence).Execute();
        }

        // Fleet status reads a board's latest heartbeat, birth and report without scanning the event log.
        if (message.Kind is BoardMessageKind.Heartbeat or BoardMessageKind.Report || message.Online == true)
        {
            _upsertLatest.Text(1, message.BoardId).Text(2, KindName(message.Kind)).Integer(3, message.Boot)
                .Integer(4, message.Sequence).Integer(5, receivedAtUnixMs);
            if (message.PayloadUtf8.IsEmpty)
            {
                _upsertLatest.Text(6, message.Payload.GetRawText());
            }
            else
            {
                _upsertLatest.Utf8(6, message.PayloadUtf8.Span);
            }

            _upsertLatest.Execute();
        }

        // Any message but a last will proves the board is online.
        _upsertBoardStatus.Text(1, message.BoardId).Integer(2, message.Online ?? true ? 1 : 0).Text(3, message.Firmware)
            .Integer(4, message.Boot).Integer(5, receivedAtUnixMs).Execute();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _insertEvent.Dispose();
        _upsertBayState.Dispose();
        _upsertBoardStatus.Dispose();
        _upsertLatest.Dispose();
    }

    private static string KindName(BoardMessageKind kind) => kind switch
    {
        BoardMessageKind.Status => "status",
        BoardMessageKind.State => "state",
        BoardMessageKind.Heartbeat => "heartbeat",
        BoardMessageKind.Report => "report",
        _ => "alarm",
    };

    internal static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (string name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
