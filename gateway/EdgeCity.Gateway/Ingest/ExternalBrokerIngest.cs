using EdgeCity.Firmware.Uplink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCity.Gateway.Ingest;

/// <summary>
/// Ingest from an external broker: a persistent-session QoS 1 subscription to <c>edgecity/+/+</c>. Each
/// message is acknowledged to the broker only once committed (manual acknowledgement), so a gateway that dies
/// gets the unacknowledged ones again from its session. Messages are handed to ingest in arrival order without
/// waiting for each commit, so batching works as with the embedded broker.
/// </summary>
public sealed class ExternalBrokerIngest(
    BoardMessageIngest ingest,
    IOptions<ExternalBrokerOptions> options,
    ILogger<ExternalBrokerIngest> logger) : BackgroundService, IBoardBroker
{
    private readonly MqttClientFactory _factory = new();
    private IMqttClient? _client;

    /// <inheritdoc />
    public bool IsRunning => _client?.IsConnected == true;

    /// <inheritdoc />
    public string Mode => "external";

    /// <inheritdoc />
    public event EventHandler? Reconnected;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ExternalBrokerOptions settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        int delayMs = 250;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_client?.IsConnected != true)
                {
                    await ConnectAsync(settings, stoppingToken).ConfigureAwait(false);
                    IngestLog.ExternalBrokerConnected(logger, settings.Host, settings.Port, settings.ClientId);
                    delayMs = 250;
                    // The first connect too: the downlink's start-up publishing may have found the broker not yet up.
                    Reconnected?.Invoke(this, EventArgs.Empty);
                }

                await Task.Delay(200, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MqttCommunicationException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                IngestLog.ExternalBrokerUnavailable(logger, settings.Host, settings.Port, e.Message, delayMs);
                await Task.Delay(delayMs, stoppingToken).ConfigureAwait(false);
                delayMs = Math.Min(delayMs * 2, 10_000);
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> PublishRetainedAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (_client is not { IsConnected: true } client)
        {
            return false;
        }

        MqttApplicationMessage message = Downlink.RetainedDownlinkMessage.Build(topic, payload);
        try
        {
            MqttClientPublishResult result = await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            return result.IsSuccess;
        }
        catch (Exception e) when (e is MqttCommunicationException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _client?.Dispose();
        base.Dispose();
    }

    private async Task ConnectAsync(ExternalBrokerOptions settings, CancellationToken cancellationToken)
    {
        _client?.Dispose();
        _client = _factory.CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(false)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (settings.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls());
        }

        if (!string.IsNullOrEmpty(settings.UserName))
        {
            builder = builder.WithCredentials(settings.UserName, settings.Password);
        }

        MqttClientConnectResult result = await _client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new MqttCommunicationException($"the external broker refused the connection: {result.ResultCode}");
        }

        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(BoardTopics.Root + "+/+", MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken).ConfigureAwait(false);
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        string topic = e.ApplicationMessage.Topic;
        byte[] payload = System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload);

        // The external broker authenticated the publisher and enforced its ACL: the topic names the board.
        string[] levels = topic.Split('/');
        string boardId = levels.Length == 3 ? levels[1] : "";

        // HandleAsync runs synchronously up to the commit, so messages reach the writer in arrival order.
        Task<IngestVerdict> verdict = ingest.HandleAsync(topic, boardId, payload, CancellationToken.None);
        _ = AcknowledgeWhenCommittedAsync(e, verdict);
        return Task.CompletedTask;
    }

    private async Task AcknowledgeWhenCommittedAsync(MqttApplicationMessageReceivedEventArgs e, Task<IngestVerdict> verdict)
    {
        try
        {
            if (await verdict.ConfigureAwait(false) == IngestVerdict.RetryLater)
            {
                // No acknowledgement, and a new session: the broker sends the message again after reconnecting.
                _client?.Dispose();
                return;
            }

            await e.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or ObjectDisposedException or InvalidOperationException)
        {
            // The session went away before the acknowledgement: the broker redelivers, ingest recognises the duplicate.
        }
    }
}
