using System.Text.Json;
using EdgeCity.Firmware.Configuration;
using EdgeCity.Firmware.Parking;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Gateway.Ingest;

/// <summary>
/// Turns an MQTT publish from a board into a <see cref="BoardMessage"/>, or into one clear sentence saying
/// what is wrong (topic, field, what was expected, what came). Never throws on bad input.
/// </summary>
public static class BoardMessageParser
{
    /// <summary>Parses <paramref name="payload"/> published on <paramref name="topic"/> by client <paramref name="clientId"/>.</summary>
    public static bool TryParse(string topic, string clientId, ReadOnlySpan<byte> payload, long receivedAtUnixMs,
        out BoardMessage? message, out string error) =>
        TryParse(topic, clientId, (ReadOnlyMemory<byte>)payload.ToArray(), receivedAtUnixMs, out message, out error);

    /// <summary>
    /// Parses <paramref name="payload"/>, which the caller hands over: the message keeps referring to it
    /// (<see cref="BoardMessage.PayloadUtf8"/>), so it is not copied again on the hot path.
    /// </summary>
    public static bool TryParse(string topic, string clientId, ReadOnlyMemory<byte> payload, long receivedAtUnixMs,
        out BoardMessage? message, out string error)
    {
        message = null;
        if (!TryParseTopic(topic, out string boardId, out BoardMessageKind kind, out error))
        {
            return false;
        }

        if (!string.Equals(boardId, clientId, StringComparison.Ordinal))
        {
            error = $"{topic}: client '{clientId}' may publish only under {BoardTopics.Root}{clientId}/";
            return false;
        }

        JsonElement root;
        try
        {
            // One pass into a document of its own (not a pooled one copied by Clone): the message keeps it.
            var reader = new Utf8JsonReader(payload.Span);
            root = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                error = $"{topic}: payload has more after its JSON value, at byte {reader.TokenStartIndex + 1}";
                return false;
            }
        }
        catch (JsonException e)
        {
            error = $"{topic}: payload is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}";
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            error = $"{topic}: expected a JSON object, got {root.ValueKind}";
            return false;
        }

        var fields = new FieldReader(topic, root);
        bool? online = kind == BoardMessageKind.Status ? fields.Boolean("online") : null;
        bool isWill = online == false;
        long boot = fields.Integer("boot", minimum: 1);

        // The last will is composed at connect time and carries no sequence number or timestamp.
        long seq = isWill ? -1 : fields.Integer("seq", minimum: 0);
        long ts = isWill ? receivedAtUnixMs : fields.Integer("ts", minimum: 0);
        string? state = kind == BoardMessageKind.State
            ? fields.OneOf("state", BayStateNames.Occupied, BayStateNames.Free)
            : null;
        string? firmware = online == true ? fields.OptionalString("fw") : null;
        string? alarm = kind == BoardMessageKind.Alarm ? fields.Word("alarm") : null;
        if (kind == BoardMessageKind.Report && root.TryGetProperty("config", out _))
        {
            // A configuration report: what fleet status shows must be one of the board's words and a version.
            fields.OneOf("config", ConfigurationOutcome.Applied, ConfigurationOutcome.Refused, ConfigurationOutcome.RolledBack);
            fields.Integer("version", minimum: -1);
        }

        if (fields.Error is not null)
        {
            error = fields.Error;
            return false;
        }

        message = new BoardMessage(boardId, kind, boot, seq, ts, state, online, firmware, root, alarm) { PayloadUtf8 = payload };
        error = "";
        return true;
    }

    private static bool TryParseTopic(string topic, out string boardId, out BoardMessageKind kind, out string error)
    {
        boardId = "";
        kind = default;
        string[] parts = topic.Split('/');
        if (parts.Length != 3 || parts[0] + "/" != BoardTopics.Root || parts[1].Length == 0)
        {
            error = $"{topic}: expected a topic of the form {BoardTopics.Root}{{boardId}}/{{status|state|heartbeat|alarm|report}}";
            return false;
        }

        boardId = parts[1];
        switch (parts[2])
        {
            case "status": kind = BoardMessageKind.Status; break;
            case "state": kind = BoardMessageKind.State; break;
            case "heartbeat": kind = BoardMessageKind.Heartbeat; break;
            case "alarm": kind = BoardMessageKind.Alarm; break;
            case "report": kind = BoardMessageKind.Report; break;
            default:
                error = $"{topic}: unknown message kind '{parts[2]}' (expected status, state, heartbeat, alarm or report)";
                return false;
        }

        error = "";
        return true;
    }

    private static string FirstSentence(string text)
    {
        int end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    /// <summary>Reads fields one by one, keeping the first error.</summary>
    private sealed class FieldReader(string topic, JsonElement root)
    {
        public string? Error { get; private set; }

        public long Integer(string name, long minimum)
        {
            if (!TryGet(name, out JsonElement value))
            {
                return 0;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number))
            {
                Fail(name, "an integer", value);
                return 0;
            }

            if (number < minimum)
            {
                Fail(name, $"an integer ≥ {minimum}", value);
            }

            return number;
        }

        public bool? Boolean(string name)
        {
            if (!TryGet(name, out JsonElement value))
            {
                return null;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Fail(name, "true or false", value);
                return null;
            }

            return value.GetBoolean();
        }

        public string? OneOf(string name, params string[] allowed)
        {
            if (!TryGet(name, out JsonElement value))
            {
                return null;
            }

            string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (text is null || Array.IndexOf(allowed, text) < 0)
            {
                Fail(name, string.Join(" or ", allowed.Select(a => $"\"{a}\"")), value);
                return null;
            }

            return text;
        }

        /// <summary>A required short word: 1–32 lowercase letters, digits or '-' (it becomes part of upstream names).</summary>
        public string? Word(string name)
        {
            if (!TryGet(name, out JsonElement value))
            {
                return null;
            }

            string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (text is null || text.Length is 0 or > 32 || !text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                Fail(name, "a word of 1–32 lowercase letters, digits or '-'", value);
                return null;
            }

            return text;
        }

        public string? OptionalString(string name)
        {
            return root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }

        private bool TryGet(string name, out JsonElement value)
        {
            if (Error is not null)
            {
                value = default;
                return false;
            }

            if (!root.TryGetProperty(name, out value))
            {
                Error = $"{topic}: field '{name}' is missing";
                return false;
            }

            return true;
        }

        private void Fail(string name, string expected, JsonElement got)
        {
            string shown = got.GetRawText();
            if (shown.Length > 40)
            {
                shown = shown[..40] + "…";
            }

            Error ??= $"{topic}: field '{name}': expected {expected}, got {shown}";
        }
    }
}
