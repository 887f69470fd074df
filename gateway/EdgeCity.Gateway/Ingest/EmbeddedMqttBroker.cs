using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using EdgeCity.Gateway.Hosting;
using EdgeCity.Gateway.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace EdgeCity.Gateway.Ingest;

/// <summary>
/// The MQTT broker inside the gateway (MQTTnet). A client connects only as a board with its credentials
/// (<see cref="BoardAuthenticator"/>); it subscribes only under its own topic; every publish passes through
/// <see cref="BoardMessageIngest"/> before the broker acknowledges it; the gateway consumes them, so they are
/// not routed to other clients.
/// </summary>
public sealed class EmbeddedMqttBroker(
    BoardMessageIngest ingest,
    BoardAuthenticator authenticator,
    BoardCertificateValidator certificates,
    IngestCounters counters,
    IOptions<GatewayOptions> options,
    IOptions<BoardTlsOptions> tlsOptions,
    IOptions<ExternalBrokerOptions> external,
    ILogger<EmbeddedMqttBroker> logger) : IHostedService, IAsyncDisposable, IBoardBroker
{
    /// <summary>
    /// The sender id of the gateway's own (downlink) messages. No board can connect with it: the authenticator
    /// refuses client ids that start with <c>$</c>.
    /// </summary>
    public const string GatewayClientId = "$gateway";

    private MqttServer? _server;
    private X509Certificate2? _serverCertificate;

    /// <summary>True while the broker accepts connections.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    /// <inheritdoc />
    public string Mode => "embedded";

    /// <summary>The TLS listener's port once started (the one chosen when <c>Gateway:Tls:Port</c> is 0); 0 without TLS.</summary>
    public int TlsPort { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (external.Value.Enabled)
        {
            // Boards use an external broker; ExternalBrokerIngest subscribes to it instead.
            return;
        }

        GatewayOptions settings = options.Value;
        BoardTlsOptions tls = tlsOptions.Value;
        var builder = new MqttServerOptionsBuilder();
        if (tls.PlainListener)
        {
            builder = builder.WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(settings.MqttBindAddress))
                .WithDefaultEndpointPort(settings.MqttPort);
        }

        if (tls.Enabled)
        {
            _serverCertificate = SiteCertificateFiles.Load(tls.CertificatePath, tls.KeyPath);
            builder = builder.WithEncryptedEndpoint()
                .WithEncryptedEndpointBoundIPAddress(IPAddress.Parse(settings.MqttBindAddress))
                .WithEncryptedEndpointPort(tls.Port)
                .WithEncryptionCertificate(_serverCertificate)
                .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13);
            if (certificates.RequestsCertificates)
            {
                builder = builder.WithClientCertificate(certificates.Validate);
            }
        }

        MqttServerOptions serverOptions = builder.Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += OnConnectingAsync;
        _server.InterceptingSubscriptionAsync += OnSubscribingAsync;
        _server.InterceptingPublishAsync += OnPublishAsync;
        await _server.StartAsync().ConfigureAwait(false);
        if (tls.PlainListener)
        {
            IngestLog.BrokerStarted(logger, settings.MqttBindAddress, settings.MqttPort);
        }

        if (tls.Enabled)
        {
            TlsPort = serverOptions.TlsEndpointOptions.Port; // MQTTnet writes back the port it bound (tests use 0)
            IngestLog.TlsListenerStarted(logger, settings.MqttBindAddress, TlsPort, certificates.RequestsCertificates);
        }
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
    public event EventHandler? Reconnected
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public async Task<bool> PublishRetainedAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (_server is not { IsStarted: true } server)
        {
            return false;
        }

        MqttApplicationMessage message = Downlink.RetainedDownlinkMessage.Build(topic, payload);
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = GatewayClientId }, cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _serverCertificate?.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task OnConnectingAsync(ValidatingConnectionEventArgs e)
    {
        e.ReasonCode = authenticator.Authenticate(e.ClientId ?? "", e.UserName, e.Password, e.RemoteEndPoint, e.ChannelAdapter.ClientCertificate);
        return Task.CompletedTask;
    }

    private Task OnSubscribingAsync(InterceptingSubscriptionEventArgs e)
    {
        string filter = e.TopicFilter.Topic;
        if (!TopicAccessControl.MaySubscribe(e.ClientId ?? "", filter))
        {
            counters.CountTopicViolation();
            IngestLog.SubscriptionViolation(logger, e.ClientId ?? "", filter);
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    private async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.ClientId == GatewayClientId)
        {
            // The gateway's own downlink: routed to the board and retained, not ingested.
            return;
        }

        // The broker publishes a last will on behalf of the departed board, with that board's client id,
        // which is what the ACL check expects.
        var payload = e.ApplicationMessage.Payload;
        byte[] bytes = payload.IsSingleSegment ? payload.First.ToArray() : System.Buffers.BuffersExtensions.ToArray(payload);
        IngestVerdict verdict = await ingest.HandleAsync(e.ApplicationMessage.Topic, e.ClientId ?? "", bytes, e.CancellationToken).ConfigureAwait(false);
        // The gateway is the consumer of board messages: nothing subscribes to them, so they are never routed
        // or retained; the PUBACK (success, or the error reason) is still sent.
        e.ProcessPublish = false;
        switch (verdict)
        {
            case IngestVerdict.Refused:
                e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
                break;
            case IngestVerdict.RetryLater:
                // MQTT 3.1.1 has no negative PUBACK: closing the connection without one is what makes the
                // board keep the message and send it again.
                e.CloseConnection = true;
                break;
        }
    }
}
