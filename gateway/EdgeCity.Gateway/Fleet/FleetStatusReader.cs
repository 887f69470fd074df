using System.Text.Json;
using EdgeCity.Firmware.Configuration;
using EdgeCity.Gateway.Downlink;
using EdgeCity.Gateway.Parking;
using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCity.Gateway.Fleet;

/// <summary>
/// Every board of the inventory with what the gateway knows of it: contact and firmware (<c>board_status</c>), its
/// latest heartbeat, birth and report (<c>board_latest</c>) and the configuration waiting on its downlink. Four
/// queries for the whole fleet, none of them over the event log.
/// </summary>
public sealed class FleetStatusReader(GatewayDatabase database, BayDirectory directory, DownlinkStore downlink)
{
    /// <summary>Every board, ordered by id.</summary>
    public IReadOnlyList<FleetBoardStatus> ReadAll()
    {
        using SqliteConnection connection = database.OpenReader();
        var status = new Dictionary<string, (bool Online, string? Firmware, long LastSeenMs)>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT board_id, online, firmware, last_seen_ms FROM board_status";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                status[reader.GetString(0)] = (reader.GetInt64(1) != 0, reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3));
            }
        }

        var latest = new Dictionary<(string Board, string Kind), (long Boot, long Seq, JsonElement Payload)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT board_id, kind, boot, seq, payload FROM board_latest";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                latest[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), reader.GetInt64(3), Parse(reader.GetString(4)));
            }
        }

        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (DownlinkMessage message in downlink.Read())
        {
            if (message.Channel == DownlinkChannel.Config && Parse(message.Payload) is { ValueKind: JsonValueKind.Object } payload
                && payload.TryGetProperty("configVersion", out JsonElement version) && version.TryGetInt32(out int v))
            {
                pending[message.BoardId] = v;
            }
        }

        return directory.BoardIds.Select(id => Combine(id, status, latest, pending)).ToList();
    }

    private static FleetBoardStatus Combine(
        string id,
        Dictionary<string, (bool Online, string? Firmware, long LastSeenMs)> status,
        Dictionary<(string Board, string Kind), (long Boot, long Seq, JsonElement Payload)> latest,
        Dictionary<string, int> pending)
    {
        bool known = status.TryGetValue(id, out var s);
        latest.TryGetValue((id, "heartbeat"), out var heartbeat);
        bool hasHeartbeat = latest.ContainsKey((id, "heartbeat"));
        bool hasReport = latest.TryGetValue((id, "report"), out var report);

        // The configuration it runs: whichever of its heartbeat and its report is newer says.
        int? applied = hasHeartbeat ? Int(heartbeat.Payload, BoardConfigurationRuntime.VersionMember) : null;
        if (hasReport && Int(report.Payload, "appliedVersion") is { } fromReport
            && (!hasHeartbeat || applied is null || (report.Boot, report.Seq).CompareTo((heartbeat.Boot, heartbeat.Seq)) > 0))
        {
            applied = fromReport;
        }

        int? waiting = pending.TryGetValue(id, out int p) && p > (applied ?? 0) ? p : null;
        var faults = new List<string>();
        string? configReport = null;
        if (hasHeartbeat)
        {
            JsonElement h = heartbeat.Payload;
            if (Text(h, "faults") is { Length: > 0 } listed)
            {
                faults.AddRange(listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            if (Flag(h, "safeMode"))
            {
                faults.Insert(0, "safe-mode");
            }

            if (Flag(h, "sensorStuck"))
            {
                faults.Add("sensor-stuck");
            }

            if (Flag(h, "batteryCritical"))
            {
                faults.Add("battery-critical");
            }
            else if (Flag(h, "batteryLow"))
            {
                faults.Add("battery-low");
            }
        }

        if (hasReport && Text(report.Payload, "config") is { } outcome)
        {
            int? version = Int(report.Payload, "version");
            string? reason = Text(report.Payload, "reason");
            configReport = reason is null ? $"{outcome} {version}" : $"{outcome} {version}: {reason}";
            if (outcome != ConfigurationOutcome.Applied && waiting is not null)
            {
                faults.Add($"config-{outcome}:{reason}");
            }
        }

        string? firmware = (hasHeartbeat ? Text(heartbeat.Payload, "fw") : null) ?? (known ? s.Firmware : null);
        return new FleetBoardStatus(
            id,
            known ? s.Online : null,
            known ? DateTimeOffset.FromUnixTimeMilliseconds(s.LastSeenMs) : null,
            firmware,
            applied,
            waiting,
            configReport,
            hasHeartbeat && Int(heartbeat.Payload, "batteryMv") is int mv and >= 0 ? mv : null,
            faults);
    }

    private static JsonElement Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    private static JsonElement Parse(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default; // stored payloads were checked at ingest; a bad one only blanks its columns
        }
    }

    private static int? Int(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) && value.TryGetInt32(out int number) ? number : null;

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;
}
