using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Downlink;

/// <summary>The <c>downlink</c> table: the latest message per board and channel, kept across restarts.</summary>
public sealed class DownlinkStore(GatewayDatabase database)
{
    /// <summary>Stores <paramref name="message"/>, replacing the board's previous message on that channel.</summary>
    public void Save(DownlinkMessage message)
    {
        using SqliteConnection connection = database.OpenOccasionalWriter();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO downlink (board_id, channel, payload, updated_at_ms) VALUES ($board, $channel, $payload, $now)
            ON CONFLICT (board_id, channel) DO UPDATE SET payload = excluded.payload, updated_at_ms = excluded.updated_at_ms
            """;
        command.Parameters.AddWithValue("$board", message.BoardId);
        command.Parameters.AddWithValue("$channel", message.Channel);
        command.Parameters.AddWithValue("$payload", message.Payload);
        command.Parameters.AddWithValue("$now", message.UpdatedAtMs);
        command.ExecuteNonQuery();
    }

    /// <summary>Every stored message, or only <paramref name="boardId"/>'s, ordered by board and channel.</summary>
    public IReadOnlyList<DownlinkMessage> Read(string? boardId = null)
    {
        using SqliteConnection connection = database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = boardId is null
            ? "SELECT board_id, channel, payload, updated_at_ms FROM downlink ORDER BY board_id, channel"
            : "SELECT board_id, channel, payload, updated_at_ms FROM downlink WHERE board_id = $board ORDER BY channel";
        if (boardId is not null)
        {
            command.Parameters.AddWithValue("$board", boardId);
        }

        using var reader = command.ExecuteReader();
        var messages = new List<DownlinkMessage>();
        while (reader.Read())
        {
            messages.Add(new DownlinkMessage(reader.GetString(0), reader.GetString(1), (byte[])reader[2], reader.GetInt64(3)));
        }

        return messages;
    }
}
