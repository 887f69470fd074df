using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using EdgeCity.Firmware.Hardware;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCity.HardwareSim.Radio;

/// <summary>
/// A simulated board's radio: the firmware's <see cref="IUplinkTransport"/> over a real MQTTnet client
/// talking to a real broker. Calls block until the broker answered (QoS 1 PUBACK), as the device's M2Mqtt
/// client does. <see cref="LinkUp"/> injects radio loss. Downlink messages (retained configuration, schedules,
/// commands) are queued as they arrive and handed out by <see cref="Receive"/>.
/// </summary>
public sealed class MqttnetUplinkTransport : IUplinkTransport, IDownlinkTransport, IGatewayEndpoint, IDisposable
{
    // Real time, while the board's world runs on a virtual clock: a stall here is the host's load (a test suite on two
    // cores), not the radio, and a connect given up on costs the board its whole session (it sleeps until the next
    // heartbeat, and the test's virtual time does not move while it waits). Refused connections fail at once anyway.
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(15);

    private MqttBrokerEndpoint _endpoint;
    private readonly MqttClientFactory _factory = new();
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private IMqttClient _client;

    /// <summary>Creates the radio of one board.</summary>
    public MqttnetUplinkTransport(MqttBrokerEndpoint endpoint)
    {
        _endpoint = endpoint;
        _client = CreateClient();
    }

    /// <summary>Where the next connection goes (a pushed configuration may move it).</summary>
    public MqttBrokerEndpoint Endpoint => _endpoint;

    /// <inheritdoc />
    public void SetGateway(string host, int port) => _endpoint = _endpoint with { Host = host, Port = port };

    /// <summary>Fault injection: false cuts the radio link (the session drops without a clean disconnect).</summary>
    public bool LinkUp { get; set; } = true;

    /// <summary>Messages acknowledged by the broker.</summary>
    public long Published { get; private set; }

    /// <inheritdoc />
    public bool IsConnected => LinkUp && _client.IsConnected;

    /// <inheritdoc />
    public bool Connect(string clientId, string willTopic, byte[] willPayload, int willLength)
    {
        if (!LinkUp)
        {
            return false;
        }

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_endpoint.Host, _endpoint.Port)
            .WithClientId(clientId)
            .WithCleanSession(true)
            .WithTimeout(OperationTimeout)
            .WithWillTopic(willTopic)
            .WithWillPayload(willPayload.AsSpan(0, willLength).ToArray())
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_endpoint.UserName is not null)
        {
            builder = builder.WithCredentials(_endpoint.UserName, _endpoint.Password);
        }

        if (_endpoint.TrustedCa is { } siteCa)
        {
            // As a board's mbedTLS is set up: only the site CA is trusted, and the board shows its own certificate.
            builder = builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithSslProtocols(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13)
                    .WithTrustChain([siteCa]).WithTargetHost(_endpoint.Host)
                    .WithCertificateValidationHandler(e => ChainsTo(siteCa, e.Certificate));
                if (_endpoint.ClientCertificate is { } own)
                {
                    tls.WithClientCertificates([own]);
                }
            });
        }

        try
        {
            using var timeout = new CancellationTokenSource(OperationTimeout);
            var result = _client.ConnectAsync(builder.Build(), timeout.Token).GetAwaiter().GetResult();
            return result.ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int length, bool retain)
    {
        if (!LinkUp)
        {
            DropSession();
            return false;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.AsSpan(0, length).ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        try
        {
            using var timeout = new CancellationTokenSource(OperationTimeout);
            var result = _client.PublishAsync(message, timeout.Token).GetAwaiter().GetResult();
            if (result.IsSuccess)
            {
                Published++;
            }

            return result.IsSuccess;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Disconnect()
    {
        if (_client.IsConnected)
        {
            try
            {
                _client.DisconnectAsync().GetAwaiter().GetResult();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // Already gone: nothing to close.
            }
        }
    }

    /// <inheritdoc />
    public bool Subscribe(string topicFilter)
    {
        if (!IsConnected)
        {
            return false;
        }

        try
        {
            using var timeout = new CancellationTokenSource(OperationTimeout);
            var options = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var result = _client.SubscribeAsync(options, timeout.Token).GetAwaiter().GetResult();
            return result.Items.All(item => item.ResultCode <= MqttClientSubscribeResultCode.GrantedQoS2);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public int Receive(byte[] buffer, int waitMs, out string? topic)
    {
        topic = null;
        while (_arrivals.Wait(Math.Max(0, waitMs)))
        {
            if (!_received.TryDequeue(out var message) || message.Payload.Length > buffer.Length)
            {
                continue;
            }

            message.Payload.CopyTo(buffer, 0);
            topic = message.Topic;
            return message.Payload.Length;
        }

        return -1;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _arrivals.Dispose();
    }

    private IMqttClient CreateClient()
    {
        IMqttClient client = _factory.CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            // Copied here: the client may reuse the payload's buffers once the handler returns.
            _received.Enqueue((e.ApplicationMessage.Topic, System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)));
            _arrivals.Release();
            return Task.CompletedTask;
        };
        return client;
    }

    private static bool ChainsTo(X509Certificate2 siteCa, X509Certificate? presented)
    {
        if (presented is null)
        {
            return false;
        }

        using var server = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(siteCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server) && chain.ChainElements[^1].Certificate.Thumbprint == siteCa.Thumbprint;
    }

    // Radio loss: the TCP session dies without DISCONNECT, so the broker publishes the last will.
    // A fresh client object stands ready for the reconnect.
    private void DropSession()
    {
        if (_client.IsConnected)
        {
            _client.Dispose();
            _client = CreateClient();
        }
    }
}
