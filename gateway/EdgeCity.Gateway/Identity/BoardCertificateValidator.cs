using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Identity;

/// <summary>
/// Checks a board's TLS client certificate during the handshake: it must chain to the site CA
/// (<c>Gateway:Tls:ClientCaPath</c>) — and to nothing else, the system's trust store plays no part — be valid
/// now and be meant for client authentication. Which board it names (CN) is checked at CONNECT by
/// <see cref="BoardAuthenticator"/>. A refused handshake is counted and logged.
/// </summary>
public sealed class BoardCertificateValidator : IDisposable
{
    private readonly X509Certificate2? _siteCa;
    private readonly bool _required;
    private readonly IdentityCounters _counters;
    private readonly ILogger<BoardCertificateValidator> _logger;

    /// <summary>Loads the site CA named by <paramref name="options"/>, if any.</summary>
    public BoardCertificateValidator(IOptions<BoardTlsOptions> options, IdentityCounters counters, ILogger<BoardCertificateValidator> logger)
    {
        BoardTlsOptions tls = options.Value;
        _siteCa = tls.Enabled && !string.IsNullOrWhiteSpace(tls.ClientCaPath) ? SiteCertificateFiles.LoadCertificate(tls.ClientCaPath) : null;
        _required = tls.RequireClientCertificate;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>True when boards are asked for a certificate (a site CA is configured).</summary>
    public bool RequestsCertificates => _siteCa is not null;

    /// <summary>The TLS handshake's verdict on the client's <paramref name="certificate"/> (null when it sent none).</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            if (_required)
            {
                Refuse("no client certificate");
                return false;
            }

            return true; // it may still log in with its secret
        }

        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        string? problem = Check(presented);
        if (problem is not null)
        {
            Refuse($"{presented.Subject}: {problem}");
            return false;
        }

        return true;
    }

    /// <summary>The board id a validated certificate names: its subject's CN.</summary>
    public static string BoardIdOf(X509Certificate2 certificate) => certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <inheritdoc />
    public void Dispose() => _siteCa?.Dispose();

    private string? Check(X509Certificate2 presented)
    {
        if (_siteCa is null)
        {
            return "no site CA is configured to check client certificates against";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_siteCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(SiteCertificateAuthority.Oids.ClientAuthentication));
        if (!chain.Build(presented))
        {
            return "not signed by the site CA, expired or not for client authentication (" +
                string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Distinct()) + ")";
        }

        return chain.ChainElements[^1].Certificate.Thumbprint == _siteCa.Thumbprint ? null : "chains to another root than the site CA";
    }

    private void Refuse(string reason)
    {
        _counters.CountRefusedCertificate();
        IdentityLog.CertificateRefused(_logger, reason);
    }
}
