using EdgeCity.Gateway.Ingest;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Storage;

/// <summary>
/// The writer's memory of which (boot, seq) each board has stored (<see cref="SequenceWindow"/>), kept durable
/// in <c>board_sequences</c> by the same transaction as the events it describes, so after a restart or a
/// <c>kill -9</c> it says exactly what the event log holds. Changes of a batch stay apart until its transaction
/// commits: a batch that rolls back leaves the memory as the database. Used by the outbox writer's thread only.
/// </summary>
internal sealed class StoredSequences : IDisposable
{
    private readonly Dictionary<string, SequenceWindow> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SequenceWindow> _batch = new(StringComparer.Ordinal);
    private readonly RawStatement _save;

    /// <summary>Loads the windows from <paramref name="writer"/> (building them from the event log of a database from before they existed).</summary>
    public StoredSequences(SqliteConnection writer)
    {
        using (var command = writer.CreateCommand())
        {
            command.CommandText = "SELECT board_id, boot, floor, above FROM board_sequences";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _committed[reader.GetString(0)] = SequenceWindow.Restore(reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3));
            }
        }

        if (_committed.Count == 0)
        {
            RebuildFromEventLog(writer);
        }

        _save = new RawStatement(writer, """
            INSERT INTO board_sequences (board_id, boot, floor, above) VALUES ($board, $boot, $floor, $above)
            ON CONFLICT (board_id) DO UPDATE SET boot = excluded.boot, floor = excluded.floor, above = excluded.above
            """);
    }

    /// <summary>True when <paramref name="message"/> is already stored (a redelivery), in the database or earlier in this batch.</summary>
    public bool Contains(BoardMessage message) => Find(message.BoardId)?.Contains(message.Boot, message.Sequence) == true;

    /// <summary>Records <paramref name="message"/> as stored by the batch in progress.</summary>
    public void Add(BoardMessage message)
    {
        if (message.Sequence < 0)
        {
            return; // a last will carries no number
        }

        if (!_batch.TryGetValue(message.BoardId, out SequenceWindow? window))
        {
            window = _committed.TryGetValue(message.BoardId, out SequenceWindow? stored) ? stored.Clone() : new SequenceWindow();
            _batch[message.BoardId] = window;
        }

        window.Add(message.Boot, message.Sequence);
    }

    /// <summary>Writes the batch's changed windows inside the open transaction.</summary>
    public void Save()
    {
        foreach (var (board, window) in _batch)
        {
            _save.Text(1, board).Integer(2, window.Boot).Integer(3, window.Floor).Blob(4, window.AboveBytes()).Execute();
        }
    }

    /// <summary>The batch's transaction committed: its changes are what the database holds now.</summary>
    public void Commit()
    {
        foreach (var (board, window) in _batch)
        {
            _committed[board] = window;
        }

        _batch.Clear();
    }

    /// <summary>The batch's transaction rolled back: forget its changes.</summary>
    public void Abort() => _batch.Clear();

    /// <inheritdoc />
    public void Dispose() => _save.Dispose();

    private SequenceWindow? Find(string boardId) =>
        _batch.TryGetValue(boardId, out SequenceWindow? window) || _committed.TryGetValue(boardId, out window) ? window : null;

    /// <summary>
    /// A database written before <c>board_sequences</c> existed: per board, its latest boot's numbers from the
    /// event log (which then still has its unique index, so this is quick): the floor below the newest 64 and
    /// the stored ones among those, so messages still queued on a board are not mistaken for redeliveries.
    /// </summary>
    private void RebuildFromEventLog(SqliteConnection writer)
    {
        using var command = writer.CreateCommand();
        command.CommandText = """
            SELECT e.board_id, e.boot, e.seq FROM board_events e
            JOIN (SELECT board_id, max(boot) AS boot FROM board_events GROUP BY board_id) latest
              ON latest.board_id = e.board_id AND latest.boot = e.boot
            WHERE e.seq IS NOT NULL
            ORDER BY e.board_id, e.seq DESC
            """;
        using var reader = command.ExecuteReader();
        string? board = null;
        long boot = 0;
        var newestFirst = new List<long>();
        while (reader.Read())
        {
            string id = reader.GetString(0);
            if (id != board)
            {
                Seed(board, boot, newestFirst);
                (board, boot) = (id, reader.GetInt64(1));
                newestFirst.Clear();
            }

            if (newestFirst.Count < 64)
            {
                newestFirst.Add(reader.GetInt64(2));
            }
        }

        Seed(board, boot, newestFirst);
    }

    private void Seed(string? board, long boot, List<long> newestFirst)
    {
        if (board is null || newestFirst.Count == 0)
        {
            return;
        }

        SequenceWindow window = SequenceWindow.Restore(boot, Math.Max(0, newestFirst[0] - 64), []);
        foreach (long seq in newestFirst)
        {
            window.Add(boot, seq);
        }

        _committed[board] = window;
    }
}
