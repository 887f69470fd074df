namespace EdgeCity.Gateway.Identity;

/// <summary>
/// The embedded broker's TLS listener for the boards (section <c>Gateway:Tls</c>), optionally with client
/// certificates signed by the site CA (<see cref="SiteCertificateAuthority"/>).
/// </summary>
public sealed class BoardTlsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway:Tls";

    /// <summary>Starts the TLS listener.</summary>
    public bool Enabled { get; set; }

    /// <summary>Its TCP port (8883, MQTT over TLS); 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 8883;

    /// <summary>The gateway's server certificate, PEM.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>Its private key, PEM (mode 600).</summary>
    public string KeyPath { get; set; } = "";

    /// <summary>The site CA certificate, PEM: when set, boards may authenticate with a certificate it signed (CN = board id) instead of a secret.</summary>
    public string ClientCaPath { get; set; } = "";

    /// <summary>Refuse a TLS client without such a certificate (otherwise it may still log in with its secret).</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>Keep the plain listener (<c>Gateway:MqttPort</c>) as well; false makes TLS the only way in.</summary>
    public bool PlainListener { get; set; } = true;
}
