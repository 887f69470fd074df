using System.Net;
using System.Text;
using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Ingest;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>
/// The embedded broker's TLS listener with client certificates of a site CA, made by
/// <see cref="SiteCertificateAuthority"/>; the boards are the simulator's radio (<see cref="MqttnetUplinkTransport"/>).
/// </summary>
public sealed class BoardCertificateTests : IDisposable
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);
    private readonly string _folder = Directory.CreateTempSubdirectory("edgecity-tls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_board_with_a_certificate_of_the_site_CA_publishes_without_a_secret_and_one_from_another_CA_or_for_another_board_is_refused()
    {
        var inventory = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson);
        string bay = inventory.Bays[0].Id;
        string neighbour = inventory.Bays[1].Id;
        using var site = SiteCertificateAuthority.Create("EdgeCity Test Site", Year);
        using var stranger = SiteCertificateAuthority.Create("Somebody Else", Year);
        using var gatewayCertificate = site.IssueGatewayCertificate("edgecity-gateway", ["localhost"], [IPAddress.Loopback], Year);
        SiteCertificateFiles.Write(site.Certificate, Path.Combine(_folder, "site-ca.crt"), keyPath: null);
        SiteCertificateFiles.Write(gatewayCertificate, Path.Combine(_folder, "gateway.crt"), Path.Combine(_folder, "gateway.key"));
        using var siteCa = SiteCertificateFiles.LoadCertificate(Path.Combine(_folder, "site-ca.crt"));

        // The board's files as provisioning writes them, read back as the simulator would from its flash image.
        using (var issued = site.IssueBoardCertificate(bay, Year))
        {
            SiteCertificateFiles.Write(issued, Path.Combine(_folder, "board.crt"), Path.Combine(_folder, "board.key"));
        }

        using var boardCertificate = SiteCertificateFiles.Load(Path.Combine(_folder, "board.crt"), Path.Combine(_folder, "board.key"));
        using var foreignCertificate = stranger.IssueBoardCertificate(bay, Year);
        using var neighbourCertificate = site.IssueBoardCertificate(neighbour, Year);

        await using var gateway = await GatewayUnderTest.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Gateway:Identity:AllowUnprovisionedOnLoopback"] = "false",
            ["Gateway:Tls:Enabled"] = "true",
            ["Gateway:Tls:Port"] = "0",
            ["Gateway:Tls:CertificatePath"] = Path.Combine(_folder, "gateway.crt"),
            ["Gateway:Tls:KeyPath"] = Path.Combine(_folder, "gateway.key"),
            ["Gateway:Tls:ClientCaPath"] = Path.Combine(_folder, "site-ca.crt"),
            ["Gateway:Tls:RequireClientCertificate"] = "true",
        });
        int tlsPort = gateway.App.Services.GetRequiredService<EmbeddedMqttBroker>().TlsPort;
        var identity = gateway.App.Services.GetRequiredService<IdentityCounters>();
        Assert.NotEqual(0, tlsPort);

        using (var board = new MqttnetUplinkTransport(new MqttBrokerEndpoint("127.0.0.1", tlsPort) { TrustedCa = siteCa, ClientCertificate = boardCertificate }))
        {
            Assert.True(Connect(board, bay), "a board with the site CA's certificate for itself connects without a secret");
            byte[] state = Encoding.ASCII.GetBytes("""{"boot":1,"seq":1,"ts":1764000000000,"state":"occupied"}""");
            Assert.True(board.Publish($"edgecity/{bay}/state", state, state.Length, retain: false));
            Assert.Equal("occupied", (await gateway.GetBayAsync(bay)).State);
            board.Disconnect();
        }

        Assert.Equal(1, identity.AcceptedCertificate);

        using (var impostor = new MqttnetUplinkTransport(new MqttBrokerEndpoint("127.0.0.1", tlsPort) { TrustedCa = siteCa, ClientCertificate = foreignCertificate }))
        {
            Assert.False(Connect(impostor, bay), "a certificate from another CA is refused in the handshake");
        }

        using (var neighbourBoard = new MqttnetUplinkTransport(new MqttBrokerEndpoint("127.0.0.1", tlsPort) { TrustedCa = siteCa, ClientCertificate = neighbourCertificate }))
        {
            Assert.False(Connect(neighbourBoard, bay), "the neighbour's certificate does not make it this board");
        }

        using (var anonymous = new MqttnetUplinkTransport(new MqttBrokerEndpoint("127.0.0.1", tlsPort, bay, "not-a-certificate") { TrustedCa = siteCa }))
        {
            Assert.False(Connect(anonymous, bay), "without a certificate where one is required");
        }

        await Eventually.HoldsAsync(() => identity.RefusedCertificate == 3, TimeSpan.FromSeconds(10),
            $"three refusals counted, got {identity.RefusedCertificate}");
        Assert.Equal(1, identity.AcceptedCertificate);
        Assert.Contains("outcome=\"refused_certificate\"} 3", await gateway.Http.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    private static bool Connect(MqttnetUplinkTransport board, string boardId)
    {
        byte[] will = Encoding.ASCII.GetBytes("""{"online":false,"boot":1}""");
        return board.Connect(boardId, $"edgecity/{boardId}/status", will, will.Length);
    }
}
