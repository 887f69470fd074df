using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Parking;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCity.Gateway.Tests;

/// <summary>The gateway with its real embedded broker and SQLite file, fed by a real MQTT client.</summary>
public sealed class GatewayIngestTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly string _bayId = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays[0].Id;
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayUnderTest.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private IngestCounters Counters => _gateway.App.Services.GetRequiredService<IngestCounters>();

    [Fact]
    public async Task Before_any_report_every_inventory_bay_is_listed_as_unknown()
    {
        var bays = (await _gateway.Http.GetFromJsonAsync<List<BayView>>("/api/bays"))!;
        var inventory = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson);
        Assert.Equal(inventory.Bays.Select(b => b.Id).Order(StringComparer.Ordinal), bays.Select(b => b.Id));
        Assert.All(bays, b => Assert.Equal("unknown", b.State));
    }

    [Fact]
    public async Task An_unknown_bay_id_gets_404_with_an_explanation()
    {
        var response = await _gateway.Http.GetAsync("/api/bays/no-such-bay");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("bay 'no-such-bay' is not in this gateway's inventory", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_change_is_committed_and_shown_with_the_time_the_sensor_observed_it()
    {
        using var board = await ConnectAsync(_bayId);
        await PublishAsync(board, _bayId, "state", """{"boot":1,"seq":5,"ts":1764000000000,"state":"occupied"}""");

        var bay = await _gateway.GetBayAsync(_bayId);
        Assert.Equal("occupied", bay.State);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764000000000), bay.ChangedAt);
        Assert.True(bay.SensorOnline);
    }

    [Fact]
    public async Task A_redelivered_message_is_counted_as_a_duplicate_and_an_older_one_does_not_overwrite_a_newer_state()
    {
        using var board = await ConnectAsync(_bayId);
        await PublishAsync(board, _bayId, "state", """{"boot":1,"seq":10,"ts":2000,"state":"occupied"}""");
        await PublishAsync(board, _bayId, "state", """{"boot":1,"seq":10,"ts":2000,"state":"occupied"}""");
        await PublishAsync(board, _bayId, "state", """{"boot":1,"seq":9,"ts":1000,"state":"free"}""");

        Assert.Equal(1, Counters.Duplicates);
        Assert.Equal(2, Counters.Accepted);
        Assert.Equal("occupied", (await _gateway.GetBayAsync(_bayId)).State);

        // After a reboot the sequence restarts, but the boot counter is higher: the new state wins.
        await PublishAsync(board, _bayId, "state", """{"boot":2,"seq":1,"ts":3000,"state":"free"}""");
        Assert.Equal("free", (await _gateway.GetBayAsync(_bayId)).State);
    }

    [Fact]
    public async Task Malformed_oversized_foreign_and_unknown_board_messages_are_refused_counted_and_the_service_goes_on()
    {
        using var board = await ConnectAsync(_bayId);
        await PublishAsync(board, _bayId, "state", "{not json");
        await PublishAsync(board, _bayId, "state", """{"boot":1,"seq":1,"ts":1,"state":"parked"}""");
        await PublishAsync(board, _bayId, "state", new string(' ', 5000));
        await PublishAsync(board, "pk-someone-else", "state", """{"boot":1,"seq":1,"ts":1,"state":"free"}""");
        using var stranger = await ConnectAsync("not-in-inventory");
        await PublishAsync(stranger, "not-in-inventory", "state", """{"boot":1,"seq":1,"ts":1,"state":"free"}""");

        Assert.Equal(3, Counters.Malformed);
        Assert.Equal(1, Counters.Oversized);
        Assert.Equal(1, Counters.UnknownBoards);
        Assert.Equal("unknown", (await _gateway.GetBayAsync(_bayId)).State);

        await PublishAsync(board, _bayId, "state", """{"boot":1,"seq":2,"ts":2,"state":"occupied"}""");
        Assert.Equal("occupied", (await _gateway.GetBayAsync(_bayId)).State);

        using var health = JsonDocument.Parse(await _gateway.Http.GetStringAsync("/healthz"));
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, health.RootElement.GetProperty("ingest").GetProperty("malformed").GetInt64());
    }

    [Fact]
    public async Task A_board_that_vanishes_is_marked_offline_by_its_last_will()
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _gateway.MqttPort)
            .WithClientId(_bayId)
            .WithWillTopic($"edgecity/{_bayId}/status")
            .WithWillPayload("""{"online":false,"boot":1}"""u8.ToArray())
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(1))
            .Build();
        var board = new MqttClientFactory().CreateMqttClient();
        await board.ConnectAsync(options);
        await PublishAsync(board, _bayId, "status", """{"online":true,"boot":1,"seq":1,"ts":1,"fw":"parking-sensor/0.1.0"}""");
        Assert.True((await _gateway.GetBayAsync(_bayId)).SensorOnline);

        // Dispose without DISCONNECT: to the broker the board has simply gone silent.
        board.Dispose();
        await Eventually.HoldsAsync(async () => (await _gateway.GetBayAsync(_bayId)).SensorOnline == false, Timeout, "the last will marks the bay's sensor offline");
    }

    private async Task<IMqttClient> ConnectAsync(string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _gateway.MqttPort).WithClientId(clientId).Build());
        return client;
    }

    private static async Task PublishAsync(IMqttClient client, string boardId, string kind, string payload) =>
        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"edgecity/{boardId}/{kind}")
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
}
