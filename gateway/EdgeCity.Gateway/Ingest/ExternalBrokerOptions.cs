namespace EdgeCity.Gateway.Ingest;

/// <summary>
/// Ingest from an external broker, e.g. a Mosquitto the boards already use (section <c>Gateway:ExternalBroker</c>).
/// Empty <see cref="Host"/> (the default) means the embedded broker. In external mode that broker authenticates
/// the boards and enforces the topic ACL (Mosquitto: <c>password_file</c> and <c>pattern write edgecity/%u/#</c>).
/// </summary>
public sealed class ExternalBrokerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway:ExternalBroker";

    /// <summary>Host of the external broker; empty for the embedded broker.</summary>
    public string Host { get; set; } = "";

    /// <summary>Its TCP port (1–65535).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Use TLS to reach it.</summary>
    public bool UseTls { get; set; }

    /// <summary>The gateway's client id there: its persistent session keeps board messages while the gateway is down.</summary>
    public string ClientId { get; set; } = "edgecity-gateway-ingest";

    /// <summary>User name at the external broker, if it wants one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password at the external broker (from the environment, not appsettings.json).</summary>
    public string? Password { get; set; }

    /// <summary>True when ingest uses the external broker.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
