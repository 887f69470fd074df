namespace EdgeCity.Gateway.Upstream;

/// <summary>The city's MQTT broker (section <c>Gateway:Upstream:Mqtt</c>).</summary>
public sealed class MqttUpstreamOptions
{
    /// <summary>Host name or address of the city's broker.</summary>
    public string Host { get; set; } = "";

    /// <summary>TCP port (1–65535); 8883 is usual with TLS, 1883 without.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>Whether to use TLS (the server certificate is checked against the system's trust store).</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>The gateway's MQTT client id at the city's broker.</summary>
    public string ClientId { get; set; } = "edgecity-gateway";

    /// <summary>User name at the city's broker, if it wants one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password at the city's broker (from an environment variable or a systemd credential, not appsettings.json).</summary>
    public string? Password { get; set; }

    /// <summary>Topic the entity batches are published on.</summary>
    public string Topic { get; set; } = "edgecity/ngsi-ld/entities";
}
