using System.Net;
using EdgeCity.Gateway.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace EdgeCity.Gateway.Ingest;

/// <summary>
/// The MQTT broker inside the gateway (MQTTnet). Every board publish passes through
/// <see cref="BoardMessageIngest"/> before the broker acknowledges it; refused messages are not routed.
/// </summary>
public sealed class EmbeddedMqttBroker(
    BoardMessageIngest ingest,
    IOptions<GatewayOptions> options,
    ILogger<EmbeddedMqttBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    /// <summary>True while the broker accepts connections.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        GatewayOptions settings = options.Value;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(settings.MqttBindAddress))
            .WithDefaultEndpointPort(settings.MqttPort)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.InterceptingPublishAsync += OnPublishAsync;
        await _server.StartAsync().ConfigureAwait(false);
        IngestLog.BrokerStarted(logger, settings.MqttBindAddress, settings.MqttPort);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        // The broker's own client id (empty) publishes retained/will messages on behalf of boards: the last
        // will arrives with the departed board's client id, which is what the ACL check expects.
        var payload = e.ApplicationMessage.Payload;
        byte[] bytes = payload.IsSingleSegment ? payload.First.ToArray() : System.Buffers.BuffersExtensions.ToArray(payload);
        bool accepted = await ingest.HandleAsync(e.ApplicationMessage.Topic, e.ClientId ?? "", bytes, e.CancellationToken).ConfigureAwait(false);
        if (!accepted)
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
        }
    }
}
