using System.Globalization;
using System.Net;
using System.Text;
using EdgeCity.DeliveryRig;
using EdgeCity.Firmware.Uplink;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCity.Gateway.Tests.Downlink;

/// <summary>
/// Gateway-to-board messages: stored, published retained, received by a board that connects afterwards (it was
/// asleep when they were sent), again after a gateway restart, and never writable or readable by another board.
/// </summary>
public sealed class BoardDownlinkTests
{
    private static readonly string Bay = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays[0].Id;
    private static readonly string Neighbour = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays[1].Id;

    [Fact]
    public async Task A_board_asleep_when_a_message_was_sent_receives_it_on_connect_and_again_after_a_gateway_restart()
    {
        GatewayUnderTest first = await GatewayUnderTest.StartAsync();
        const string Config = """{"version":7,"sampleMs":1000}""";
        using (var put = await first.Http.PutAsync($"/api/boards/{Bay}/downlink/config", new StringContent(Config)))
        {
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        }

        Assert.Equal(Config, await ReceiveAsBoardAsync(first.Broker, Bay, b => b.ConfigDownlink));
        Assert.Contains("\"version\":7", await first.Http.GetStringAsync($"/api/boards/{Bay}/downlink"), StringComparison.Ordinal);

        // A restart empties the embedded broker's memory; the gateway publishes what it stored again.
        await first.App.StopAsync();
        await using (GatewayUnderTest second = await GatewayUnderTest.StartAsync(dataDirectory: first.DataDirectory))
        {
            Assert.Equal(Config, await ReceiveAsBoardAsync(second.Broker, Bay, b => b.ConfigDownlink));
            Assert.Null(await ReceiveAsBoardAsync(second.Broker, Neighbour, b => b.ConfigDownlink));
        }

        await first.DisposeAsync();
    }

    [Fact]
    public async Task With_an_external_broker_a_message_sent_while_it_was_down_or_lost_in_its_restart_reaches_the_board()
    {
        // No persistence: a restarted Mosquitto has forgotten every retained message, as the embedded broker would.
        await using var boards = await MosquittoBroker.StartAsync("boards", new MosquittoSettings { Persistence = false });
        var broker = new MqttBrokerEndpoint("127.0.0.1", boards.Port);
        await using var gateway = await GatewayUnderTest.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Gateway:ExternalBroker:Host"] = "127.0.0.1",
            ["Gateway:ExternalBroker:Port"] = boards.Port.ToString(CultureInfo.InvariantCulture),
        });
        await Eventually.HoldsAsync(async () => (await gateway.Http.GetAsync("/healthz")).IsSuccessStatusCode, TimeSpan.FromSeconds(10), "the gateway is subscribed to the boards' Mosquitto");

        await boards.StopAsync();
        const string Config = """{"version":3}""";
        using (var put = await gateway.Http.PutAsync($"/api/boards/{Bay}/downlink/config", new StringContent(Config)))
        {
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
            Assert.Contains("\"published\":false", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await boards.StartAgainAsync();
        await Eventually.HoldsAsync(async () => await ReceiveAsBoardAsync(broker, Bay, b => b.ConfigDownlink) == Config, TimeSpan.FromSeconds(20),
            "the gateway published the stored message when the broker came back");

        await boards.StopAsync();
        await boards.StartAgainAsync();
        await Eventually.HoldsAsync(async () => await ReceiveAsBoardAsync(broker, Bay, b => b.ConfigDownlink) == Config, TimeSpan.FromSeconds(20),
            "the gateway published it again after a restart that lost it");
    }

    [Theory]
    [InlineData("pk-nowhere-999", "config", "{}", "not in this gateway's inventory")]
    [InlineData(null, "firmware", "{}", "expected one of: config, schedule, command")]
    [InlineData(null, "config", "{\"version\":", "payload is not JSON: line 1")]
    [InlineData(null, "config", "[1,2]", "expected a JSON object")]
    public async Task Bad_downlink_requests_are_refused_with_what_was_expected(string? board, string channel, string body, string expected)
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        using var put = await gateway.Http.PutAsync($"/api/boards/{board ?? Bay}/downlink/{channel}", new StringContent(body));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains(expected, await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("[]", await gateway.Http.GetStringAsync($"/api/boards/{Bay}/downlink"));
    }

    [Fact]
    public async Task A_board_cannot_write_its_own_downlink_nor_read_another_boards()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        using var board = new MqttClientFactory().CreateMqttClient();
        await board.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", gateway.MqttPort).WithClientId(Bay).Build());
        var forged = await board.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"edgecity/{Bay}/down/config").WithPayload("""{"version":99}""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(true).Build());
        Assert.False(forged.IsSuccess);
        var snoop = await board.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"edgecity/{Neighbour}/down/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, snoop.Items.Single().ResultCode);

        Assert.Null(await ReceiveAsBoardAsync(gateway.Broker, Bay, b => b.ConfigDownlink));
    }

    [Fact]
    public async Task The_gateways_own_sender_id_cannot_be_used_by_a_client()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        using var impostor = new MqttClientFactory().CreateMqttClient();
        var result = await impostor.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", gateway.MqttPort).WithClientId("$gateway").Build());
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result.ResultCode);
    }

    // Wakes a simulated board with the firmware's own uplink: connect, birth, subscribe; returns the payload that
    // arrived on the chosen topic within a second, or null.
    private static async Task<string?> ReceiveAsBoardAsync(MqttBrokerEndpoint broker, string boardId, Func<BoardTopics, string> topicOf)
    {
        using var radio = new MqttnetUplinkTransport(broker);
        var topics = new BoardTopics(boardId);
        var uplink = new BoardUplink(radio, new VirtualClock(DateTimeOffset.UtcNow), topics, 1, "test/0", "power-on", 4);
        uplink.AttachDownlink(radio);
        await Task.Run(uplink.Service);
        Assert.True(radio.IsConnected, "the board connected");
        var buffer = new byte[2048];
        int length = await Task.Run(() => uplink.ReceiveDownlink(buffer, 1000, out string? topic) is var n && topic == topicOf(topics) ? n : -1);
        uplink.Close();
        return length < 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }
}
