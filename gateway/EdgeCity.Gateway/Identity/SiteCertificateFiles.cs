using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeCity.Gateway.Identity;

/// <summary>
/// Certificates and keys as PEM files, the form mbedTLS on the boards, Mosquitto and OpenSSL all read:
/// <c>name.crt</c> (certificate) and <c>name.key</c> (PKCS#8 private key, written with mode 600).
/// </summary>
public static class SiteCertificateFiles
{
    /// <summary>Writes <paramref name="certificate"/> to <paramref name="certificatePath"/> and, if it has one, its ECDSA key to <paramref name="keyPath"/>.</summary>
    public static void Write(X509Certificate2 certificate, string certificatePath, string? keyPath)
    {
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem() + "\n");
        if (keyPath is null)
        {
            return;
        }

        using ECDsa key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"{certificate.Subject}: no ECDSA private key to write");
        File.WriteAllText(keyPath, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>A certificate with its private key from PEM files; the error names the file and what is wrong.</summary>
    public static X509Certificate2 Load(string certificatePath, string keyPath)
    {
        try
        {
            using X509Certificate2 pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

            // An ephemeral PEM key cannot be used by SslStream on every platform: go through PKCS#12 once.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"{certificatePath} / {keyPath}: expected a PEM certificate and its PEM private key ({e.Message})", e);
        }
    }

    /// <summary>A certificate without key (a CA's, to trust) from a PEM file.</summary>
    public static X509Certificate2 LoadCertificate(string certificatePath)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{certificatePath}: expected a PEM certificate ({e.Message})", e);
        }
    }
}
