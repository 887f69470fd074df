using System.Security.Cryptography.X509Certificates;
using EdgeCity.Gateway.Identity;

namespace EdgeCity.Cli.Provisioning;

/// <summary>
/// The TLS files of <c>provision --certificate</c> in the credentials folder, beside the boards' secrets: the
/// site CA (<c>site-ca.crt</c>, <c>site-ca.key</c>; created on first use) and each board's client certificate
/// (<c>{id}.crt</c>, <c>{id}.key</c>, CN = the board id). The gateway needs only <c>site-ca.crt</c>
/// (<c>Gateway:Tls:ClientCaPath</c>); the CA key stays on the provisioning machine.
/// </summary>
public static class BoardCertificateFiles
{
    /// <summary>How long a board certificate is valid: a parking sensor's battery life, with margin.</summary>
    public static readonly TimeSpan BoardValidity = TimeSpan.FromDays(365 * 12);

    private static readonly TimeSpan CaValidity = TimeSpan.FromDays(365 * 20);

    /// <summary>The site CA certificate.</summary>
    public static string CaCertificatePath(string directory) => Path.Combine(directory, "site-ca.crt");

    /// <summary>The site CA's private key (mode 600).</summary>
    public static string CaKeyPath(string directory) => Path.Combine(directory, "site-ca.key");

    /// <summary>Board <paramref name="boardId"/>'s certificate.</summary>
    public static string CertificatePath(string directory, string boardId) => Path.Combine(directory, boardId + ".crt");

    /// <summary>Board <paramref name="boardId"/>'s private key (mode 600).</summary>
    public static string KeyPath(string directory, string boardId) => Path.Combine(directory, boardId + ".key");

    /// <summary>Issues (replacing any) the client certificate of <paramref name="boardId"/>; true in <c>caCreated</c> when the site CA was made now.</summary>
    public static X509Certificate2 Issue(string directory, string boardId, string siteName, out bool caCreated)
    {
        Directory.CreateDirectory(directory);
        string caCertificate = CaCertificatePath(directory);
        string caKey = CaKeyPath(directory);
        caCreated = !File.Exists(caCertificate);
        using SiteCertificateAuthority authority = caCreated
            ? SiteCertificateAuthority.Create(siteName, CaValidity)
            : SiteCertificateAuthority.Load(caCertificate, caKey);
        if (caCreated)
        {
            SiteCertificateFiles.Write(authority.Certificate, caCertificate, caKey);
        }

        X509Certificate2 board = authority.IssueBoardCertificate(boardId, BoardValidity);
        SiteCertificateFiles.Write(board, CertificatePath(directory, boardId), KeyPath(directory, boardId));
        return board;
    }

    /// <summary>
    /// The board's certificate and key as one PEM (what nanoFramework's device certificate store takes), or null
    /// when the board was provisioned without a certificate.
    /// </summary>
    public static string? TryReadDevicePem(string directory, string boardId)
    {
        string certificate = CertificatePath(directory, boardId);
        string key = KeyPath(directory, boardId);
        return File.Exists(certificate) && File.Exists(key)
            ? File.ReadAllText(certificate) + File.ReadAllText(key)
            : null;
    }
}
