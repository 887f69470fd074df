namespace EdgeCity.Gateway.Hosting;

/// <summary>
/// The gateway's configuration (section <c>Gateway</c> of appsettings.json, environment variables
/// <c>Gateway__MqttPort</c>, … or command-line <c>--Gateway:MqttPort=…</c>). Validated at start.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway";

    /// <summary>Folder of the SQLite database; created if missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The board inventory (boards.json) this gateway serves.</summary>
    public string InventoryPath { get; set; } = "boards.json";

    /// <summary>Address the embedded MQTT broker listens on (0.0.0.0 on a Pi, 127.0.0.1 for demos and tests).</summary>
    public string MqttBindAddress { get; set; } = "0.0.0.0";

    /// <summary>TCP port of the embedded MQTT broker (1–65535).</summary>
    public int MqttPort { get; set; } = 1883;

    /// <summary>Largest board payload accepted, in bytes (64–65536); larger ones are refused and counted.</summary>
    public int MaxPayloadBytes { get; set; } = 4096;
}
