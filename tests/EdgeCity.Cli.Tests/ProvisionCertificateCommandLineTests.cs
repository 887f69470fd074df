using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using EdgeCity.Gateway.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeCity.Cli.Tests;

/// <summary>
/// <c>provision --certificate</c>: a TLS client certificate from the site CA that the gateway's own validator
/// accepts for that board, deployed by <c>flash</c> with the CA that the board then trusts.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // key files are checked for mode 600
public class ProvisionCertificateCommandLineTests
{
    private const string Bay = "pk-seomyeon1-b011";

    [Fact]
    public async Task A_board_provisioned_with_a_certificate_is_flashed_with_it_and_the_gateway_accepts_it_for_that_board_only()
    {
        using var folder = new TemporaryFolder("provision-cert");
        string data = folder.File("data"), credentials = folder.File("credentials"), output = folder.File("out");

        var (exit, stdout, stderr) = await CliProcess.RunAsync("provision", Bay, "--certificate", "--data", data, "--credentials", credentials);
        Assert.True(exit == 0, stderr);
        Assert.Contains("created the site CA", stdout, StringComparison.Ordinal);
        Assert.Contains($"issued the TLS client certificate of {Bay}", stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(credentials, "site-ca.key")));

        (exit, _, stderr) = await CliProcess.RunAsync(
            "flash", Bay, "--port", "/dev/ttyUSB0", "--dry-run", "--gateway-host", "10.20.0.2", "--wifi-ssid", "edgecity-busan",
            "--wifi-password", "x", "--credentials", credentials, "--output", output);
        Assert.True(exit == 0, stderr);
        using var network = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "network-deployment.json")));
        string devicePath = network.RootElement.GetProperty("DeviceCertificatesPath").GetString()!;
        Assert.Equal(Path.GetFullPath(Path.Combine(credentials, "site-ca.crt")), network.RootElement.GetProperty("CACertificatesPath").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(devicePath));

        string pem = await File.ReadAllTextAsync(devicePath);
        using X509Certificate2 device = X509Certificate2.CreateFromPem(pem, pem);
        Assert.True(device.HasPrivateKey);
        Assert.Equal(Bay, BoardCertificateValidator.BoardIdOf(device));

        var tls = Options.Create(new BoardTlsOptions { Enabled = true, ClientCaPath = Path.Combine(credentials, "site-ca.crt"), RequireClientCertificate = true });
        using var validator = new BoardCertificateValidator(tls, new IdentityCounters(), NullLogger<BoardCertificateValidator>.Instance);
        Assert.True(validator.Validate(this, device, null, SslPolicyErrors.RemoteCertificateChainErrors));

        // A second site's CA does not vouch for this board.
        using var otherSite = SiteCertificateAuthority.Create("EdgeCity elsewhere", TimeSpan.FromDays(1));
        string otherCa = folder.File("other-ca.crt");
        SiteCertificateFiles.Write(otherSite.Certificate, otherCa, null);
        using var otherValidator = new BoardCertificateValidator(Options.Create(new BoardTlsOptions { Enabled = true, ClientCaPath = otherCa, RequireClientCertificate = true }),
            new IdentityCounters(), NullLogger<BoardCertificateValidator>.Instance);
        Assert.False(otherValidator.Validate(this, device, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }
}
