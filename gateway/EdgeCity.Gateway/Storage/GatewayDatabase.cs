using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Storage;

/// <summary>
/// The gateway's SQLite file (WAL mode, so the API reads while ingest writes) and its schema. One writer
/// connection is kept open and serialised; readers open their own short-lived connections.
/// </summary>
public sealed class GatewayDatabase : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS board_events (
            id             INTEGER PRIMARY KEY,
            board_id       TEXT    NOT NULL,
            boot           INTEGER NOT NULL,
            seq            INTEGER,          -- NULL for a last will, which carries no sequence number
            kind           TEXT    NOT NULL,
            observed_at_ms INTEGER NOT NULL,
            received_at_ms INTEGER NOT NULL,
            payload        TEXT    NOT NULL,
            UNIQUE (board_id, boot, seq)
        );
        CREATE TABLE IF NOT EXISTS bay_state (
            bay_id         TEXT    PRIMARY KEY,
            state          TEXT    NOT NULL,
            changed_at_ms  INTEGER NOT NULL,
            received_at_ms INTEGER NOT NULL,
            boot           INTEGER NOT NULL,
            seq            INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS board_status (
            board_id       TEXT    PRIMARY KEY,
            online         INTEGER NOT NULL,
            firmware       TEXT,
            boot           INTEGER NOT NULL,
            last_seen_ms   INTEGER NOT NULL
        );
        """;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SqliteConnection _writer;

    /// <summary>Opens (creating if needed) <c>gateway.db</c> in <paramref name="dataDirectory"/>.</summary>
    public GatewayDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(dataDirectory, "gateway.db"));
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();
        _writer = new SqliteConnection(ConnectionString);
        _writer.Open();
        Execute(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        Execute(_writer, Schema);
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>For readers' own connections.</summary>
    public string ConnectionString { get; }

    /// <summary>Runs <paramref name="work"/> on the writer connection inside one transaction, serialised.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _writer.BeginTransaction();
            T result = work(_writer, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Opens a new read connection; dispose it after use.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Let an in-flight commit finish before the connection closes under it; later writers get
        // ObjectDisposedException, which ingest turns into a refused (unacknowledged) message.
        bool acquired = _writeLock.Wait(TimeSpan.FromSeconds(10));
        _writer.Dispose();
        if (acquired)
        {
            _writeLock.Release();
        }

        _writeLock.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
