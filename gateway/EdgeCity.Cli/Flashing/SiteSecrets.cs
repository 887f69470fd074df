using System.Text.Json;

namespace EdgeCity.Cli.Flashing;

/// <summary>
/// What a board needs to join the site's network and never goes into boards.json: Wi-Fi credentials or the
/// cellular APN, the CA certificate the broker's TLS certificate chains to, and the gateways' addresses. Read from
/// the site secrets file (kept off the repository) and overridden by command-line options.
/// </summary>
/// <example><code>
/// {"wifiSsid": "edgecity-busan", "wifiPassword": "…", "apn": null, "caCertificate": "certs/site-ca.pem",
///  "gatewayHosts": {"gw-busan-01": "10.20.0.2"}, "gatewayApiTokens": {"gw-busan-01": "kim.…"}}
/// </code></example>
public sealed class SiteSecrets
{
    /// <summary>
    /// Where flash looks by default: <c>~/.edgecity/site-secrets.json</c>, outside the repository so that it is
    /// never committed next to boards.json.
    /// </summary>
    public static string DefaultPath { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".edgecity", "site-secrets.json");

    /// <summary>Wi-Fi network name, or null on a cellular board.</summary>
    public string? WifiSsid { get; set; }

    /// <summary>Wi-Fi WPA2 password.</summary>
    public string? WifiPassword { get; set; }

    /// <summary>Cellular access point name, or null on a Wi-Fi board.</summary>
    public string? Apn { get; set; }

    /// <summary>Path of the site CA certificate (PEM) the board trusts for the broker's TLS certificate.</summary>
    public string? CaCertificate { get; set; }

    /// <summary>Host name or IP address of each gateway, by gateway id.</summary>
    public Dictionary<string, string> GatewayHosts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The token for each gateway's HTTP API, by gateway id (<c>./edgecity gateway api-token create NAME</c> on the
    /// gateway): what <c>config push</c> shows a gateway it reaches over the network.
    /// </summary>
    public Dictionary<string, string> GatewayApiTokens { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="path"/>; an absent file gives empty secrets (options may supply everything).</summary>
    /// <exception cref="FlashException">The file is not valid JSON of this shape; the message names the file and why.</exception>
    public static SiteSecrets Load(string path)
    {
        if (!File.Exists(path))
        {
            return new SiteSecrets();
        }

        try
        {
            return JsonSerializer.Deserialize<SiteSecrets>(File.ReadAllBytes(path), JsonOptions) ?? new SiteSecrets();
        }
        catch (JsonException e)
        {
            throw new FlashException($"{path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: {e.Path}: {e.Message} (expected a site secrets object: wifiSsid, wifiPassword, apn, caCertificate, gatewayHosts, gatewayApiTokens)");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };
}
