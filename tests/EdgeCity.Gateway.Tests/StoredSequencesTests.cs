using System.Text.Json;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Tests;

/// <summary>The writer's durable record of stored sequence numbers, on a real SQLite file.</summary>
public sealed class StoredSequencesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edgecity-sequences-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void What_a_committed_batch_stored_is_recognised_after_a_restart_and_what_a_rolled_back_batch_did_is_not()
    {
        using (var database = new GatewayDatabase(_directory))
        using (var sequences = new StoredSequences(database.Writer))
        {
            Store(database, sequences, commit: true, Message("bay-a", 1, 1), Message("bay-a", 1, 2), Message("bay-b", 2, 7));
            Store(database, sequences, commit: false, Message("bay-a", 1, 3));
            Assert.False(sequences.Contains(Message("bay-a", 1, 3)));
        }

        using (var database = new GatewayDatabase(_directory))
        using (var sequences = new StoredSequences(database.Writer))
        {
            Assert.True(sequences.Contains(Message("bay-a", 1, 1)));
            Assert.True(sequences.Contains(Message("bay-a", 1, 2)));
            Assert.False(sequences.Contains(Message("bay-a", 1, 3)));
            Assert.True(sequences.Contains(Message("bay-b", 2, 7)));
            Assert.False(sequences.Contains(Message("bay-b", 2, 6)));
        }
    }

    [Fact]
    public void A_database_from_before_board_sequences_is_read_from_its_event_log()
    {
        Directory.CreateDirectory(_directory);
        using (var old = new SqliteConnection($"Data Source={Path.Combine(_directory, "gateway.db")}"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE board_events (id INTEGER PRIMARY KEY, board_id TEXT NOT NULL, boot INTEGER NOT NULL, seq INTEGER,
                    kind TEXT NOT NULL, observed_at_ms INTEGER NOT NULL, received_at_ms INTEGER NOT NULL, payload TEXT NOT NULL,
                    UNIQUE (board_id, boot, seq));
                INSERT INTO board_events (board_id, boot, seq, kind, observed_at_ms, received_at_ms, payload) VALUES
                    ('bay-a', 1, 500, 'state', 0, 0, '{}'), ('bay-a', 2, 1, 'state', 0, 0, '{}'), ('bay-a', 2, 2, 'state', 0, 0, '{}'),
                    ('bay-a', 2, 9, 'status', 0, 0, '{}'), ('bay-b', 1, 300, 'state', 0, 0, '{}');
                """;
            command.ExecuteNonQuery();
        }

        using var database = new GatewayDatabase(_directory);
        using var sequences = new StoredSequences(database.Writer);
        Assert.True(sequences.Contains(Message("bay-a", 2, 2)));
        Assert.True(sequences.Contains(Message("bay-a", 2, 9)));
        Assert.False(sequences.Contains(Message("bay-a", 2, 5)), "a message still queued on the board behind its birth is not a redelivery");
        Assert.True(sequences.Contains(Message("bay-b", 1, 300)));
        Assert.False(sequences.Contains(Message("bay-b", 1, 299)), "within the newest 64, only what the log holds");
    }

    private static void Store(GatewayDatabase database, StoredSequences sequences, bool commit, params BoardMessage[] messages)
    {
        using SqliteTransaction transaction = database.Writer.BeginTransaction();
        foreach (BoardMessage message in messages)
        {
            Assert.False(sequences.Contains(message));
            sequences.Add(message);
            Assert.True(sequences.Contains(message));
        }

        sequences.Save();
        if (commit)
        {
            transaction.Commit();
            sequences.Commit();
        }
        else
        {
            transaction.Rollback();
            sequences.Abort();
        }
    }

    private static BoardMessage Message(string board, long boot, long seq) =>
        new(board, BoardMessageKind.State, boot, seq, 0, "free", null, null, JsonDocument.Parse("{}").RootElement);
}
