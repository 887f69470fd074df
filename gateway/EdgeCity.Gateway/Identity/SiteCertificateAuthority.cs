using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeCity.Gateway.Identity;

/// <summary>
/// A site's own certificate authority for the boards' TLS link to the gateway: it signs one client certificate
/// per board (subject CN = the board id, extended key usage client authentication) and the gateway's server
/// certificate. Keys are ECDSA P-256: small for an ESP32's mbedTLS and quick on a Pi. The CA's private key
/// belongs on the provisioning machine, not on the gateway, which needs only the CA certificate to check boards.
/// Helpers for <c>edgecity provision</c>; files are PEM (<see cref="SiteCertificateFiles"/>).
/// </summary>
public sealed class SiteCertificateAuthority : IDisposable
{
    private SiteCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Creates a new CA named <paramref name="siteName"/> (e.g. <c>EdgeCity Busan Seomyeon</c>), valid for <paramref name="validity"/>.</summary>
    public static SiteCertificateAuthority Create(string siteName, TimeSpan validity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteName);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(siteName)} CA"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return new SiteCertificateAuthority(request.CreateSelfSigned(now.AddMinutes(-5), now.Add(validity)));
    }

    /// <summary>A CA loaded from its certificate and key files (PEM), to sign more certificates.</summary>
    public static SiteCertificateAuthority Load(string certificatePath, string keyPath) =>
        new(SiteCertificateFiles.Load(certificatePath, keyPath));

    /// <summary>A client certificate for board <paramref name="boardId"/> (CN = the board id), with its key.</summary>
    public X509Certificate2 IssueBoardCertificate(string boardId, TimeSpan validity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(boardId);
        return Issue($"CN={Escape(boardId)}", validity, Oids.ClientAuthentication, san: null);
    }

    /// <summary>The gateway's server certificate for <paramref name="dnsNames"/> and <paramref name="addresses"/> (what boards connect to).</summary>
    public X509Certificate2 IssueGatewayCertificate(string gatewayName, IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses, TimeSpan validity)
    {
        var san = new SubjectAlternativeNameBuilder();
        foreach (string dns in dnsNames)
        {
            san.AddDnsName(dns);
        }

        foreach (IPAddress address in addresses)
        {
            san.AddIpAddress(address);
        }

        return Issue($"CN={Escape(gatewayName)}", validity, Oids.ServerAuthentication, san.Build());
    }

    /// <inheritdoc />
    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(string subject, TimeSpan validity, string usage, X509Extension? san)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset notAfter = now.Add(validity) < Certificate.NotAfter ? now.Add(validity) : Certificate.NotAfter;
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number
        using X509Certificate2 issued = request.Create(Certificate, now.AddMinutes(-5), notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Quotes a distinguished-name value when it holds characters with a meaning there.</summary>
    private static string Escape(string value) =>
        value.IndexOfAny([',', '+', '"', '\\', '<', '>', ';', '=']) >= 0 ? "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Extended key usage object identifiers (RFC 5280 4.2.1.12).</summary>
    internal static class Oids
    {
        public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
        public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    }
}
