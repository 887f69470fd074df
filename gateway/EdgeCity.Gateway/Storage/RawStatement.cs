using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EdgeCity.Gateway.Storage;

/// <summary>
/// A statement prepared once and run straight through SQLite's C API, for the writer's per-message statements:
/// binding and stepping this way costs a fraction of <see cref="SqliteCommand"/>'s per-execution overhead, which
/// dotnet-trace showed as the largest part of the writer's time. Runs inside whatever transaction the
/// connection has open.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public RawStatement Text(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    /// <summary>Binds text that is already UTF-8 (a payload as received, a rendered body): no string in between.</summary>
    public RawStatement Utf8(int index, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    public RawStatement Blob(int index, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    public RawStatement Integer(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public RawStatement Null(int index)
    {
        Check(raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs the statement; returns the rows it changed.</summary>
    public int Execute()
    {
        int step = raw.sqlite3_step(_statement);
        int reset = raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE && step != raw.SQLITE_ROW)
        {
            Check(reset == raw.SQLITE_OK ? step : reset);
        }

        return raw.sqlite3_changes(_db);
    }

    /// <summary>Steps a query: true with a row to read, false when done (then call <see cref="Reset"/>).</summary>
    public bool Step()
    {
        int step = raw.sqlite3_step(_statement);
        if (step == raw.SQLITE_ROW)
        {
            return true;
        }

        if (step != raw.SQLITE_DONE)
        {
            int reset = raw.sqlite3_reset(_statement);
            Check(reset == raw.SQLITE_OK ? step : reset);
        }

        return false;
    }

    /// <summary>Column <paramref name="index"/> (0-based) of the current row as an integer.</summary>
    public long ColumnInteger(int index) => raw.sqlite3_column_int64(_statement, index);

    /// <summary>Column <paramref name="index"/> of the current row as its bytes (UTF-8 for TEXT); valid until the next step.</summary>
    public ReadOnlySpan<byte> ColumnBytes(int index) => raw.sqlite3_column_blob(_statement, index);

    /// <summary>Ends the query, so the statement can run again (and its read snapshot ends).</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public void Dispose() => raw.sqlite3_finalize(_statement);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), result);
        }
    }
}
