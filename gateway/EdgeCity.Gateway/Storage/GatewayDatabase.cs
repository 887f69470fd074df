using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Storage;

/// <summary>
/// The gateway's SQLite file (WAL mode, so the API and the upstream pump read while ingest writes) and its
/// schema. One writer connection is kept open; only <see cref="Outbox.OutboxWriter"/>'s thread uses it.
/// Readers open their own short-lived connections.
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
            payload        TEXT    NOT NULL
        );
        -- Which (boot, seq) of each board's latest boot board_events holds (SequenceWindow): how redeliveries are
        -- recognised. Databases created before it also have UNIQUE (board_id, boot, seq) on board_events.
        CREATE TABLE IF NOT EXISTS board_sequences (
            board_id       TEXT    PRIMARY KEY,
            boot           INTEGER NOT NULL,
            floor          INTEGER NOT NULL,  -- every seq up to this one is stored
            above          BLOB    NOT NULL   -- bitmap of the stored ones above floor (bit i: floor + 1 + i)
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
        -- Per-board MQTT credentials from provisioning: only a salted HMAC-SHA256 of the secret is kept.
        CREATE TABLE IF NOT EXISTS board_credentials (
            board_id       TEXT    PRIMARY KEY,
            salt           BLOB    NOT NULL,
            secret_hash    BLOB    NOT NULL,
            created_at_ms  INTEGER NOT NULL
        );
        -- Operators' API tokens (./edgecity gateway api-token create NAME): only a salted HMAC-SHA256 of each is kept.
        CREATE TABLE IF NOT EXISTS api_tokens (
            name           TEXT    PRIMARY KEY,
            salt           BLOB    NOT NULL,
            secret_hash    BLOB    NOT NULL,
            created_at_ms  INTEGER NOT NULL
        );
        -- What the gateway says to each board (configuration, schedule, command), kept so it is published
        -- retained again after a restart: the embedded broker keeps retained messages only in memory.
        CREATE TABLE IF NOT EXISTS downlink (
            board_id       TEXT    NOT NULL,
            channel        TEXT    NOT NULL,  -- DownlinkChannel: config, schedule, command
            payload        BLOB    NOT NULL,
            updated_at_ms  INTEGER NOT NULL,
            PRIMARY KEY (board_id, channel)
        );
        -- Each board's latest heartbeat, birth (status) and report, as received: what fleet status shows
        -- (battery, faults, configuration version) without scanning board_events. Newer (boot, seq) wins.
        CREATE TABLE IF NOT EXISTS board_latest (
            board_id       TEXT    NOT NULL,
            kind           TEXT    NOT NULL,  -- heartbeat, status, report
            boot           INTEGER NOT NULL,
            seq            INTEGER NOT NULL,
            received_at_ms INTEGER NOT NULL,
            payload        TEXT    NOT NULL,
            PRIMARY KEY (board_id, kind)
        );
        -- What waits to go upstream, in commit order (id), rendered once at ingest. A row is deleted when
        -- upstream confirmed it, or by the overflow policy (telemetry only: priority 0).
        -- The writer assigns ids itself, always above any used since start: the pump reads after the last id it
        -- sent, so an id reused after the outbox emptied would be skipped (cheaper than AUTOINCREMENT).
        CREATE TABLE IF NOT EXISTS outbox (
            id             INTEGER PRIMARY KEY,
            board_id       TEXT    NOT NULL,
            event_key      TEXT    NOT NULL,  -- idempotency key: board:boot:seq
            priority       INTEGER NOT NULL,  -- OutboxPriority: 0 telemetry, 1 state change, 2 alarm
            received_at_ms INTEGER NOT NULL,
            bytes          INTEGER NOT NULL,  -- what the entry counts against the capacity
            body           TEXT    NOT NULL   -- the NGSI-LD entity
        );
        -- Only telemetry is ever shed or expired: a partial index keeps that cheap without taxing other rows.
        CREATE INDEX IF NOT EXISTS outbox_telemetry ON outbox (id) WHERE priority = 0;
        """;

    /// <summary>
    /// Log size (pages of 4 KiB: 64 MiB) at which the writer checkpoints after a commit itself; SQLite's default is
    /// 1,000. Until then <see cref="WalCheckpointer"/> copies the log in the background.
    /// </summary>
    public const int WriterAutoCheckpointPages = 16384;

    private readonly SqliteConnection _writer;

    /// <summary>Opens (creating if needed) <c>gateway.db</c> in <paramref name="dataDirectory"/>.</summary>
    public GatewayDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.GetFullPath(Path.Combine(dataDirectory, "gateway.db"));
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();
        _writer = new SqliteConnection(ConnectionString);
        _writer.Open();
        Execute(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA cache_size=-16384;");
        Execute(_writer, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA wal_autocheckpoint={WriterAutoCheckpointPages};"));

        Execute(_writer, Schema);
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>For readers' own connections.</summary>
    public string ConnectionString { get; }

    /// <summary>The single writer connection; owned by the outbox writer's thread.</summary>
    internal SqliteConnection Writer => _writer;

    /// <summary>Opens a new read connection; dispose it after use.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Opens a connection for a rare write outside the outbox writer (provisioning, a downlink message), possibly
    /// from another process: WAL and a long busy timeout let it wait its turn behind the writer's commits.
    /// Dispose it after use.
    /// </summary>
    public SqliteConnection OpenOccasionalWriter()
    {
        SqliteConnection connection = OpenReader();
        Execute(connection, "PRAGMA busy_timeout=10000;");
        return connection;
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
