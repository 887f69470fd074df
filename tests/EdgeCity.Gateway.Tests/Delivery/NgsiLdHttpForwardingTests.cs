using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCity.Gateway.Tests.Delivery;

/// <summary>The second forwarder: NGSI-LD batch upsert over HTTP to a context broker (a small real HTTP server here).</summary>
public sealed class NgsiLdHttpForwardingTests
{
    [Fact]
    public async Task Entities_are_upserted_in_order_and_a_batch_the_context_broker_refused_is_sent_again()
    {
        string bay = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays[0].Id;
        var received = new ConcurrentQueue<string>();
        int refuseFirst = 2;
        int port = FreeLoopbackPort.Find();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var contextBroker = builder.Build();
        contextBroker.MapPost("/ngsi-ld/v1/entityOperations/upsert", async (HttpRequest request) =>
        {
            if (Interlocked.Decrement(ref refuseFirst) >= 0)
            {
                return Results.StatusCode(503);
            }

            Assert.Equal("application/ld+json", request.ContentType);
            Assert.Equal("update", request.Query["options"]);
            using var body = await JsonDocument.ParseAsync(request.Body);
            foreach (JsonElement entity in body.RootElement.EnumerateArray())
            {
                received.Enqueue(entity.GetProperty("idempotencyKey").GetProperty("value").GetString()!);
            }

            return Results.NoContent();
        });
        await contextBroker.StartAsync();

        await using var gateway = await GatewayUnderTest.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Gateway:Upstream:Kind"] = "NgsiLdHttp",
            ["Gateway:Upstream:NgsiLd:BaseUrl"] = $"http://127.0.0.1:{port}",
            ["Gateway:Upstream:ReconnectMinDelayMs"] = "50",
        });
        using var board = new MqttClientFactory().CreateMqttClient();
        await board.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", gateway.MqttPort).WithClientId(bay).Build());
        for (int seq = 1; seq <= 20; seq++)
        {
            await board.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"edgecity/{bay}/state")
                .WithPayload(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"boot":1,"seq":{{seq}},"ts":{{seq}},"state":"free"}""")))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }

        var expected = Enumerable.Range(1, 20).Select(s => $"{bay}:1:{s}").ToList();
        await Eventually.HoldsAsync(() => expected.All(received.Contains), TimeSpan.FromSeconds(20), "all 20 entities upserted");
        Assert.Equal(expected, received.Distinct().ToList());
    }
}
