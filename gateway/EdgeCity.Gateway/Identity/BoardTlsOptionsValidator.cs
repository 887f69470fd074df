using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Identity;

/// <summary>Stops the start with a message naming the setting when the TLS listener's configuration is wrong.</summary>
public sealed class BoardTlsOptionsValidator : IValidateOptions<BoardTlsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BoardTlsOptions options)
    {
        if (!options.Enabled)
        {
            return options.PlainListener
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Gateway:Tls:PlainListener: false needs Gateway:Tls:Enabled=true, or no board could connect");
        }

        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"Gateway:Tls:Port: expected a TCP port 1–65535 (0: any free one), got {options.Port}");
        }

        RequireFile(failures, "Gateway:Tls:CertificatePath", options.CertificatePath, "the gateway's server certificate (PEM)");
        RequireFile(failures, "Gateway:Tls:KeyPath", options.KeyPath, "its private key (PEM)");
        if (options.RequireClientCertificate && string.IsNullOrWhiteSpace(options.ClientCaPath))
        {
            failures.Add("Gateway:Tls:ClientCaPath: RequireClientCertificate needs the site CA certificate (PEM) that signs the boards' certificates, got nothing");
        }
        else if (!string.IsNullOrWhiteSpace(options.ClientCaPath))
        {
            RequireFile(failures, "Gateway:Tls:ClientCaPath", options.ClientCaPath, "the site CA certificate (PEM)");
        }

        if (failures.Count == 0)
        {
            try
            {
                using var certificate = SiteCertificateFiles.Load(options.CertificatePath, options.KeyPath);
            }
            catch (InvalidOperationException e)
            {
                failures.Add($"Gateway:Tls:CertificatePath: {e.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireFile(List<string> failures, string key, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"{key}: expected the path of {what}, got nothing");
        }
        else if (!File.Exists(path))
        {
            failures.Add($"{key}: expected {what} at {Path.GetFullPath(path)}, but there is no such file");
        }
    }
}
