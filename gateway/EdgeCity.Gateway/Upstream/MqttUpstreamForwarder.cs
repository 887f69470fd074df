using System.Buffers;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// Forwards batches to the city's MQTT broker with MQTTnet: QoS 1, MQTT 3.1.1, TLS when configured. Several
/// batches may await their PUBACK at once; MQTTnet writes publishes to the socket in call order and TCP keeps
/// it, so what reaches the broker is always a prefix of what was sent.
/// </summary>
public sealed class MqttUpstreamForwarder : IUpstreamForwarder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly QuickAckStreamProvider QuickAckStream = new();

    private readonly UpstreamOptions _options;
    private readonly MqttClientFactory _factory = new();
    private readonly X509Certificate2Collection? _authorities;
    private readonly X509Certificate2? _clientCertificate;
    private IMqttClient? _client;

    /// <summary>Creates the forwarder from <c>Gateway:Upstream</c>.</summary>
    public MqttUpstreamForwarder(IOptions<UpstreamOptions> options)
    {
        _options = options.Value;
        var mqtt = _options.Mqtt;
        if (mqtt.UseTls && !string.IsNullOrEmpty(mqtt.CaFile))
        {
            _authorities = UpstreamTls.LoadAuthorities(mqtt.CaFile);
        }

        if (mqtt.UseTls && !string.IsNullOrEmpty(mqtt.ClientCertificateFile) && !string.IsNullOrEmpty(mqtt.ClientKeyFile))
        {
            _clientCertificate = UpstreamTls.LoadClientCertificate(mqtt.ClientCertificateFile, mqtt.ClientKeyFile);
        }

        Destination = string.Create(CultureInfo.InvariantCulture, $"{(mqtt.UseTls ? "mqtts" : "mqtt")}://{mqtt.Host}:{mqtt.Port}/{mqtt.Topic}");
    }

    /// <inheritdoc />
    public string Destination { get; }

    /// <inheritdoc />
    public int Window => _options.WindowBatches;

    /// <inheritdoc />
    public bool IsConnected => _client?.IsConnected == true;

    /// <inheritdoc />
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _client?.Dispose();
        _client = _factory.CreateMqttClient();
        MqttUpstreamOptions mqtt = _options.Mqtt;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(mqtt.Host, mqtt.Port)
            .WithClientId(mqtt.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(true)
            .WithTimeout(Timeout)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithStreamProvider(QuickAckStream);
        if (mqtt.UseTls)
        {
            builder = builder.WithTlsOptions(tls =>
            {
                tls.UseTls();
                if (_authorities is { } authorities)
                {
                    tls.WithCertificateValidationHandler(e => UpstreamTls.Accepts(e.Certificate, e.SslPolicyErrors, authorities));
                }

                if (_clientCertificate is { } certificate)
                {
                    tls.WithClientCertificates(new X509Certificate2Collection(certificate));
                }
            });
        }

        if (!string.IsNullOrEmpty(mqtt.UserName))
        {
            builder = builder.WithCredentials(mqtt.UserName, mqtt.Password);
        }

        try
        {
            MqttClientConnectResult result = await _client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new UpstreamUnavailableException($"the broker refused the connection: {result.ResultCode}");
            }
        }
        catch (MqttCommunicationException e)
        {
            throw new UpstreamUnavailableException(e.Message, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamUnavailableException("connecting timed out", e);
        }
    }

    /// <inheritdoc />
    public async Task SendAsync(ReadOnlyMemory<byte> entities, int count, CancellationToken cancellationToken)
    {
        IMqttClient client = _client ?? throw new UpstreamUnavailableException("not connected");
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_options.Mqtt.Topic)
            .WithPayload(new ReadOnlySequence<byte>(entities))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            MqttClientPublishResult result = await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                throw new UpstreamUnavailableException($"the broker refused a batch: {result.ReasonCode}");
            }
        }
        catch (Exception e) when (e is MqttCommunicationException or InvalidOperationException or ObjectDisposedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new UpstreamUnavailableException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _clientCertificate?.Dispose();
        return ValueTask.CompletedTask;
    }
}
