using System.Security.Cryptography.X509Certificates;

namespace EdgeCity.HardwareSim.Radio;

/// <summary>Where a simulated board's radio reaches the gateway's broker, and with which credentials.</summary>
public sealed record MqttBrokerEndpoint(string Host, int Port, string? UserName = null, string? Password = null)
{
    /// <summary>
    /// TLS: the site CA the broker's certificate must chain to (as flashed into a board's mbedTLS trust store);
    /// null connects without TLS.
    /// </summary>
    public X509Certificate2? TrustedCa { get; init; }

    /// <summary>TLS: the board's client certificate with its private key (CN = its board id), or null to log in with <see cref="Password"/>.</summary>
    public X509Certificate2? ClientCertificate { get; init; }
}
