using System.Text;
using EdgeCity.DeliveryRig;
using EdgeCity.Firmware.Hardware;
using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Ingest;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>Per-board credentials and the topic ACL, with development mode off, and everything else still delivered.</summary>
public sealed class BoardIdentityTests
{
    private static readonly Dictionary<string, string?> Provisioned = new() { ["Gateway:Identity:AllowUnprovisionedOnLoopback"] = "false" };

    [Fact]
    public async Task Wrong_or_missing_credentials_unknown_boards_topic_violations_and_bad_payloads_are_refused_and_counted_and_good_events_still_arrive()
    {
        var inventory = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson);
        string bay = inventory.Bays[0].Id;
        string neighbour = inventory.Bays[1].Id;
        await using var city = await MosquittoBroker.StartAsync("city", CityBroker.Settings);
        await using var recorder = await UpstreamRecorder.StartAsync(city.Port, CityBroker.Topic, "city-platform-identity");
        var settings = CityBroker.GatewaySettings(city.Port);
        foreach (var (key, value) in Provisioned)
        {
            settings[key] = value;
        }

        await using var gateway = await GatewayUnderTest.StartAsync(settings: settings);
        var store = gateway.App.Services.GetRequiredService<BoardCredentialStore>();
        string secret = store.Provision(bay, TimeProvider.System);
        string neighbourSecret = store.Provision(neighbour, TimeProvider.System);
        var identity = gateway.App.Services.GetRequiredService<IdentityCounters>();
        var ingest = gateway.App.Services.GetRequiredService<IngestCounters>();

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await TryConnectAsync(gateway.MqttPort, bay, bay, "not-the-secret"));
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, await TryConnectAsync(gateway.MqttPort, bay, null, null));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await TryConnectAsync(gateway.MqttPort, bay, neighbour, neighbourSecret));
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, await TryConnectAsync(gateway.MqttPort, "not-in-inventory", "not-in-inventory", secret));
        Assert.Equal(2, identity.WrongCredentials);
        Assert.Equal(1, identity.MissingCredentials);
        Assert.Equal(1, identity.UnknownClients);

        using var board = new MqttClientFactory().CreateMqttClient();
        var connected = await board.ConnectAsync(Options(gateway.MqttPort, bay, bay, secret));
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        var subscribed = await board.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("edgecity/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.NotEqual(MqttClientSubscribeResultCode.GrantedQoS1, subscribed.Items.Single().ResultCode);

        var good = new List<string>();
        int seq = 0;
        async Task PublishGoodAsync()
        {
            seq++;
            await PublishAsync(board, $"edgecity/{bay}/state", $$"""{"boot":1,"seq":{{seq}},"ts":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"state":"occupied"}""");
            good.Add($"{bay}:1:{seq}");
        }

        await PublishGoodAsync();
        await PublishAsync(board, $"edgecity/{neighbour}/state", """{"boot":1,"seq":1,"ts":1,"state":"free"}""");
        await PublishGoodAsync();
        await PublishAsync(board, $"edgecity/{bay}/state", "{not json");
        await PublishAsync(board, $"edgecity/{bay}/state", new string('x', 5000));
        await PublishAsync(board, $"edgecity/{bay}/alarm", """{"boot":1,"seq":99,"ts":1,"alarm":"Not A Word"}""");
        await PublishGoodAsync();

        Assert.Equal(2, ingest.TopicViolations);
        Assert.Equal(3, ingest.Malformed);
        Assert.Equal(1, ingest.Oversized);
        Assert.Equal(3, ingest.Accepted);
        await Eventually.HoldsAsync(() => recorder.Missing(good).Count == 0, TimeSpan.FromSeconds(20), "the good events reach the city broker");
        Assert.Equal(3, recorder.Distinct);

        string metrics = await gateway.Http.GetStringAsync("/metrics");
        Assert.Contains("edgecity_identity_connections_total{outcome=\"wrong_credentials\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("edgecity_ingest_topic_violations_total 2", metrics, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"ok\"", await gateway.Http.GetStringAsync("/healthz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulated_boards_radio_connects_with_provisioned_credentials_and_not_without()
    {
        string bay = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays[0].Id;
        await using var gateway = await GatewayUnderTest.StartAsync(settings: Provisioned);
        string secret = gateway.App.Services.GetRequiredService<BoardCredentialStore>().Provision(bay, TimeProvider.System);
        byte[] will = Encoding.ASCII.GetBytes("""{"online":false,"boot":1}""");

        using IDisposable withSecret = Radio(gateway.MqttPort, bay, secret, out IUplinkTransport good);
        Assert.True(good.Connect(bay, $"edgecity/{bay}/status", will, will.Length));
        using IDisposable without = Radio(gateway.MqttPort, null, null, out IUplinkTransport bad);
        Assert.False(bad.Connect(bay, $"edgecity/{bay}/status", will, will.Length));
    }

    private static IDisposable Radio(int port, string? user, string? secret, out IUplinkTransport transport)
    {
        var radio = new MqttnetUplinkTransport(new MqttBrokerEndpoint("127.0.0.1", port, user, secret));
        transport = radio;
        return radio;
    }

    private static MqttClientOptions Options(int port, string clientId, string? user, string? secret)
    {
        var builder = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithTimeout(TimeSpan.FromSeconds(5));
        return user is null ? builder.Build() : builder.WithCredentials(user, secret).Build();
    }

    private static async Task<MqttClientConnectResultCode> TryConnectAsync(int port, string clientId, string? user, string? secret)
    {
        // MQTTnet 5 reports a refused CONNECT in the result rather than throwing.
        using var client = new MqttClientFactory().CreateMqttClient();
        return (await client.ConnectAsync(Options(port, clientId, user, secret))).ResultCode;
    }

    private static Task PublishAsync(IMqttClient client, string topic, string payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
}
