using EdgeCity.Gateway.Identity;

namespace EdgeCity.Gateway.Tests;

public class BoardTlsOptionsTests
{
    [Fact]
    public void TLS_off_is_the_default_and_valid()
    {
        Assert.True(new BoardTlsOptionsValidator().Validate(null, new BoardTlsOptions()).Succeeded);
    }

    [Fact]
    public void Missing_certificate_files_and_a_required_client_certificate_without_a_CA_are_named()
    {
        var options = new BoardTlsOptions { Enabled = true, CertificatePath = "/nonexistent/gateway.crt", RequireClientCertificate = true };
        string failure = new BoardTlsOptionsValidator().Validate(null, options).FailureMessage ?? "";
        Assert.Contains("Gateway:Tls:CertificatePath: expected the gateway's server certificate (PEM) at /nonexistent/gateway.crt, but there is no such file", failure, StringComparison.Ordinal);
        Assert.Contains("Gateway:Tls:KeyPath: expected the path of its private key (PEM), got nothing", failure, StringComparison.Ordinal);
        Assert.Contains("Gateway:Tls:ClientCaPath: RequireClientCertificate needs the site CA certificate", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Turning_off_the_plain_listener_without_TLS_is_refused()
    {
        string failure = new BoardTlsOptionsValidator().Validate(null, new BoardTlsOptions { PlainListener = false }).FailureMessage ?? "";
        Assert.Contains("Gateway:Tls:PlainListener: false needs Gateway:Tls:Enabled=true", failure, StringComparison.Ordinal);
    }
}
