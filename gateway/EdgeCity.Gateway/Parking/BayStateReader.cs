using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Parking;

/// <summary>Reads the bays' current state for the API: the inventory joined with what the sensors reported.</summary>
public sealed class BayStateReader(GatewayDatabase database, BayDirectory directory)
{
    /// <summary>Every bay of the inventory, ordered by id.</summary>
    public IReadOnlyList<BayView> ReadAll()
    {
        var stored = ReadStored(bayId: null);
        return directory.Bays.Select(bay => Combine(bay, stored.GetValueOrDefault(bay.Id))).ToList();
    }

    /// <summary>One bay, or null when the inventory has no such bay.</summary>
    public BayView? Read(string bayId)
    {
        if (!directory.TryGetBay(bayId, out KnownBay bay))
        {
            return null;
        }

        return Combine(bay, ReadStored(bayId).GetValueOrDefault(bayId));
    }

    private static BayView Combine(KnownBay bay, StoredBay? stored) => new(
        bay.Id,
        bay.LotId,
        bay.Label,
        stored?.State ?? "unknown",
        ToTime(stored?.ChangedAtMs),
        ToTime(stored?.ReceivedAtMs),
        stored?.Online,
        ToTime(stored?.LastSeenMs));

    private Dictionary<string, StoredBay> ReadStored(string? bayId)
    {
        using SqliteConnection connection = database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT ids.id, s.state, s.changed_at_ms, s.received_at_ms, b.online, b.last_seen_ms
            FROM (SELECT bay_id AS id FROM bay_state UNION SELECT board_id FROM board_status) AS ids
            LEFT JOIN bay_state s ON s.bay_id = ids.id
            LEFT JOIN board_status b ON b.board_id = ids.id
            WHERE $id IS NULL OR ids.id = $id
            """;
        command.Parameters.AddWithValue("$id", (object?)bayId ?? DBNull.Value);
        var result = new Dictionary<string, StoredBay>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = new StoredBay(
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4) != 0,
                reader.IsDBNull(5) ? null : reader.GetInt64(5));
        }

        return result;
    }

    private static DateTimeOffset? ToTime(long? unixMs) => unixMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private sealed record StoredBay(string? State, long? ChangedAtMs, long? ReceivedAtMs, bool? Online, long? LastSeenMs);
}
