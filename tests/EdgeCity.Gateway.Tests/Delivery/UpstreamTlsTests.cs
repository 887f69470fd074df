using System.Net;
using EdgeCity.DeliveryRig;
using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Upstream;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>
/// Forwarding over TLS to a city broker (a real Mosquitto) whose certificate comes from the city's own CA and that
/// asks for the gateway's client certificate: configured, it delivers; with the system's trust store alone it does
/// not connect, and what the boards sent waits in the outbox.
/// </summary>
public sealed class UpstreamTlsTests : IDisposable
{
    private const int Boards = 4;

    private readonly string _folder = Directory.CreateTempSubdirectory("edgecity-upstream-tls-").FullName;

    [Fact]
    public async Task Events_reach_a_city_broker_with_a_private_CA_and_mutual_TLS()
    {
        CityPki pki = CityPki.Create(_folder);
        await using var city = await MosquittoBroker.StartAsync("city-tls", TlsCity(pki));
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, CityBroker.Topic, "city-platform-tls");
        var settings = CityBroker.GatewaySettings(city.TlsPort);
        settings["Gateway:Upstream:Mqtt:UseTls"] = "true";
        settings["Gateway:Upstream:Mqtt:CaFile"] = pki.CaFile;
        settings["Gateway:Upstream:Mqtt:ClientCertificateFile"] = pki.GatewayCertificateFile;
        settings["Gateway:Upstream:Mqtt:ClientKeyFile"] = pki.GatewayKeyFile;
        await using var gateway = await GatewayUnderTest.StartAsync(settings: settings);

        List<string> acked = await PublishAsync(gateway.MqttPort, TimeSpan.FromSeconds(1), atLeast: 24);

        Assert.True(acked.Count > 20, $"boards were acknowledged ({acked.Count})");
        await Eventually.HoldsAsync(() => recorder.Missing(acked).Count == 0, TimeSpan.FromSeconds(30),
            $"all {acked.Count} acknowledged events at the city broker over TLS (missing {recorder.Missing(acked).Count}); mosquitto log: {Log(city)}");
        Assert.Equal(0, gateway.App.Services.GetRequiredService<UpstreamCounters>().Failures);
    }

    [Fact]
    public async Task Without_the_city_CA_the_gateway_does_not_connect_and_the_events_wait_in_the_outbox()
    {
        CityPki pki = CityPki.Create(_folder);
        await using var city = await MosquittoBroker.StartAsync("city-tls-untrusted", TlsCity(pki));
        var settings = CityBroker.GatewaySettings(city.TlsPort);
        settings["Gateway:Upstream:Mqtt:UseTls"] = "true";
        settings["Gateway:Upstream:Mqtt:ClientCertificateFile"] = pki.GatewayCertificateFile;
        settings["Gateway:Upstream:Mqtt:ClientKeyFile"] = pki.GatewayKeyFile;
        await using var gateway = await GatewayUnderTest.StartAsync(settings: settings);

        List<string> acked = await PublishAsync(gateway.MqttPort, TimeSpan.FromMilliseconds(500));

        var upstream = gateway.App.Services.GetRequiredService<UpstreamCounters>();
        await Eventually.HoldsAsync(() => upstream.Failures > 0, TimeSpan.FromSeconds(10), "the untrusted broker certificate is a failure");
        Assert.Equal(0, upstream.EntitiesConfirmed);
        // Every acknowledged event waits in the outbox; so may the one each board had in flight when the load stopped
        // (committed, its PUBACK not yet read: the load does not count it as acknowledged).
        long waiting = gateway.App.Services.GetRequiredService<OutboxCounters>().TotalEntries;
        Assert.InRange(waiting, acked.Count, acked.Count + Boards);
    }

    [Fact]
    public void TLS_files_are_checked_at_start_with_the_setting_and_file_named()
    {
        string notPem = Path.Combine(_folder, "not-a-ca.pem");
        File.WriteAllText(notPem, "hello");
        var validator = new UpstreamOptionsValidator();

        var plain = validator.Validate(null, new UpstreamOptions { Kind = UpstreamKind.Mqtt, Mqtt = { Host = "city", UseTls = false, CaFile = notPem } });
        Assert.Contains("Gateway:Upstream:Mqtt:UseTls: CaFile, ClientCertificateFile and ClientKeyFile only apply with TLS", plain.FailureMessage, StringComparison.Ordinal);

        var badCa = validator.Validate(null, new UpstreamOptions { Kind = UpstreamKind.Mqtt, Mqtt = { Host = "city", CaFile = notPem } });
        Assert.Contains($"Gateway:Upstream:Mqtt:CaFile: {notPem}: expected PEM certificates", badCa.FailureMessage, StringComparison.Ordinal);

        var halfPair = validator.Validate(null, new UpstreamOptions { Kind = UpstreamKind.Mqtt, Mqtt = { Host = "city", ClientCertificateFile = notPem } });
        Assert.Contains("expected both (the certificate and its private key) or neither, got one", halfPair.FailureMessage, StringComparison.Ordinal);

        string missing = Path.Combine(_folder, "missing.crt");
        var missingCertificate = validator.Validate(null, new UpstreamOptions { Kind = UpstreamKind.Mqtt, Mqtt = { Host = "city", ClientCertificateFile = missing, ClientKeyFile = missing } });
        Assert.Contains($"Gateway:Upstream:Mqtt:ClientCertificateFile: {missing}", missingCertificate.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MosquittoSettings TlsCity(CityPki pki) => new()
    {
        Persistence = false,
        MaxQueuedMessages = 0,
        MaxInflightMessages = 100,
        Tls = new MosquittoTlsListener(pki.BrokerCertificateFile, pki.BrokerKeyFile, pki.CaFile, RequireClientCertificate: true),
    };

    /// <summary>
    /// Publishes for at least <paramref name="duration"/>, and on past it (up to 20 s) until <paramref name="atLeast"/>
    /// events are acknowledged: on a machine busy with other test assemblies a fixed second acknowledged as few as 8.
    /// </summary>
    private static async Task<List<string>> PublishAsync(int port, TimeSpan duration, int atLeast = 0)
    {
        var boards = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays.Select(b => b.Id).Take(Boards).ToList();
        var load = new BoardLoad(boards, "127.0.0.1", port, new BoardLoadOptions { EventsPerSecondPerBoard = 20 });
        using var stop = new CancellationTokenSource();
        Task running = load.RunAsync(stop.Token);
        await Task.Delay(duration);
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (load.Acknowledged < atLeast && patience.Elapsed < TimeSpan.FromSeconds(20) && !running.IsCompleted)
            await Task.Delay(50);
        stop.Cancel();
        await running;
        return load.AcknowledgedKeys();
    }

    private static string Log(MosquittoBroker broker) => File.Exists(broker.LogPath) ? File.ReadAllText(broker.LogPath) : "(none)";

    /// <summary>The city's CA, its broker's server certificate (127.0.0.1) and the gateway's client certificate, as PEM files.</summary>
    private sealed record CityPki(string CaFile, string BrokerCertificateFile, string BrokerKeyFile, string GatewayCertificateFile, string GatewayKeyFile)
    {
        public static CityPki Create(string folder)
        {
            var pki = new CityPki(Path.Combine(folder, "city-ca.crt"), Path.Combine(folder, "broker.crt"), Path.Combine(folder, "broker.key"),
                Path.Combine(folder, "gateway.crt"), Path.Combine(folder, "gateway.key"));
            using var authority = SiteCertificateAuthority.Create("city of test", TimeSpan.FromDays(1));
            SiteCertificateFiles.Write(authority.Certificate, pki.CaFile, keyPath: null);
            using var broker = authority.IssueGatewayCertificate("city-broker", ["localhost"], [IPAddress.Loopback], TimeSpan.FromDays(1));
            SiteCertificateFiles.Write(broker, pki.BrokerCertificateFile, pki.BrokerKeyFile);
            using var gatewayCertificate = authority.IssueBoardCertificate("edgecity-gateway", TimeSpan.FromDays(1));
            SiteCertificateFiles.Write(gatewayCertificate, pki.GatewayCertificateFile, pki.GatewayKeyFile);
            return pki;
        }
    }
}
