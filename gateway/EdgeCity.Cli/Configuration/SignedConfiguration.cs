using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCity.Cli.Configuration;

/// <summary>
/// A configuration as pushed to a board: the board's configuration file (as <c>./edgecity flash</c> renders it,
/// without secrets) in compact form with <c>configVersion</c>, then <c>"sig"</c> — HMAC-SHA256 of the text before it
/// under the board's key — as the last member. The board checks it with its own implementation
/// (firmware <c>ConfigurationSignature</c>): tag of the bytes before <c>,"sig":"</c> plus <c>}</c>.
/// </summary>
public static class SignedConfiguration
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Signs <paramref name="renderedFile"/> (a flat JSON object) as version <paramref name="configVersion"/>.</summary>
    public static byte[] Create(byte[] renderedFile, int configVersion, byte[] boardKey)
    {
        JsonObject file = JsonNode.Parse(renderedFile)!.AsObject();
        var body = new JsonObject();
        foreach (var (name, value) in file)
        {
            body[name] = value?.DeepClone();
            if (name == "version")
            {
                body["configVersion"] = configVersion;
            }
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            body.WriteTo(writer);
        }

        byte[] bytes = buffer.ToArray();
        string tag = Convert.ToHexStringLower(HMACSHA256.HashData(boardKey, bytes));
        return [.. bytes.AsSpan(0, bytes.Length - 1), .. Encoding.ASCII.GetBytes(",\"sig\":\"" + tag + "\"}")];
    }

    /// <summary>The <c>configVersion</c> of a stored configuration payload, or 0 when it has none.</summary>
    public static int VersionOf(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("configVersion", out JsonElement v) && v.TryGetInt32(out int version) ? version : 0;
}
