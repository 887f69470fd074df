namespace EdgeCity.Gateway.Upstream;

/// <summary>The city's MQTT broker (section <c>Gateway:Upstream:Mqtt</c>).</summary>
public sealed class MqttUpstreamOptions
{
    /// <summary>Host name or address of the city's broker.</summary>
    public string Host { get; set; } = "";

    /// <summary>TCP port (1–65535); 8883 is usual with TLS, 1883 without.</summary>
    public int Port { get; set; } = 8883;

    /// <summary>Whether to use TLS (the server certificate is checked against the system's trust store, or <see cref="CaFile"/>).</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>
    /// A PEM file with the certificate authority (or authorities) that issued the city broker's certificate, for a
    /// broker whose certificate is not from a public CA: the server certificate must chain to one of them, and its
    /// name must still match <see cref="Host"/>. Unset: the system's trust store.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>The gateway's client certificate (PEM), for a city broker that asks for one (mutual TLS); with <see cref="ClientKeyFile"/>.</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>The private key (PEM, PKCS#8) of <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>The gateway's MQTT client id at the city's broker.</summary>
    public string ClientId { get; set; } = "edgecity-gateway";

    /// <summary>User name at the city's broker, if it wants one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password at the city's broker (from an environment variable or a systemd credential, not appsettings.json).</summary>
    public string? Password { get; set; }

    /// <summary>Topic the entity batches are published on.</summary>
    public string Topic { get; set; } = "edgecity/ngsi-ld/entities";
}
