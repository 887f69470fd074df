using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeCity.Gateway.Identity;

namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// TLS towards the city's broker: the authorities to trust when they are not the system's (a city's private CA),
/// the gateway's client certificate for mutual TLS, and the check of the broker's certificate against them.
/// </summary>
public static class UpstreamTls
{
    /// <summary>Every certificate in the PEM file <paramref name="caFile"/>; the error names the file and what was expected.</summary>
    public static X509Certificate2Collection LoadAuthorities(string caFile)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{caFile}: expected PEM certificates of the city broker's certificate authority ({e.Message})", e);
        }

        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"{caFile}: expected PEM certificates (-----BEGIN CERTIFICATE-----) of the city broker's certificate authority, found none");
        }

        return authorities;
    }

    /// <summary>The gateway's client certificate with its key, from PEM files.</summary>
    public static X509Certificate2 LoadClientCertificate(string certificateFile, string keyFile) =>
        SiteCertificateFiles.Load(certificateFile, keyFile);

    /// <summary>
    /// Accepts the broker's certificate when the platform accepted it, or when the only complaint is an untrusted
    /// chain and it chains to one of <paramref name="authorities"/>. A wrong host name is never accepted.
    /// </summary>
    public static bool Accepts(X509Certificate certificate, SslPolicyErrors errors, X509Certificate2Collection? authorities)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (authorities is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
