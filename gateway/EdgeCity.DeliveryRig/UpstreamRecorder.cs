using System.Globalization;
using System.Text.Json;
using EdgeCity.Gateway.Upstream;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCity.DeliveryRig;

/// <summary>
/// The city platform's side: a persistent-session QoS 1 subscriber on the city's broker that records every
/// event arriving, whether as the gateway's NGSI-LD batches (by their <c>idempotencyKey</c>) or as raw board
/// messages forwarded by a Mosquitto bridge. It reconnects by itself across the broker's outages; its
/// persistent session keeps what arrives meanwhile.
/// </summary>
public sealed class UpstreamRecorder : IAsyncDisposable
{
    private static readonly QuickAckStreamProvider QuickAck = new();

    private readonly int _port;
    private readonly string _filter;
    private readonly string _clientId;
    private readonly MqttClientFactory _factory = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ArrivalLog _arrivals;
    private IMqttClient _client;
    private Task _keeper = Task.CompletedTask;

    private UpstreamRecorder(int port, string filter, string clientId, int expectedEvents)
    {
        _arrivals = new ArrivalLog(expectedEvents);
        _port = port;
        _filter = filter;
        _clientId = clientId;
        _client = _factory.CreateMqttClient();
    }

    /// <summary>Events received, duplicates included.</summary>
    public long Received => _arrivals.Received;

    /// <summary>Distinct events received.</summary>
    public int Distinct => _arrivals.Distinct;

    /// <summary>Subscribes to <paramref name="filter"/> on the broker at 127.0.0.1:<paramref name="port"/>.</summary>
    public static Task<UpstreamRecorder> StartAsync(int port, string filter, string clientId, CancellationToken cancellationToken = default) =>
        StartAsync(port, filter, clientId, expectedEvents: 0, cancellationToken);

    /// <summary>Subscribes like the other overload, with room for <paramref name="expectedEvents"/> kept from the start (benchmarks).</summary>
    public static async Task<UpstreamRecorder> StartAsync(int port, string filter, string clientId, int expectedEvents, CancellationToken cancellationToken)
    {
        var recorder = new UpstreamRecorder(port, filter, clientId, expectedEvents);
        await recorder.ConnectAsync(cancellationToken).ConfigureAwait(false);
        recorder._keeper = Task.Run(recorder.KeepConnectedAsync, CancellationToken.None);
        return recorder;
    }

    /// <summary>The keys of <paramref name="expected"/> that have not arrived.</summary>
    public List<string> Missing(IEnumerable<string> expected) => _arrivals.Missing(expected);

    /// <summary>
    /// Where a board's events first arrived out of order (boot, seq not increasing): one line each, empty when
    /// every board's order was kept. Redeliveries of an event already seen do not count.
    /// </summary>
    public List<string> OrderViolations() => _arrivals.OrderViolations();

    /// <summary>First arrivals, in arrival order.</summary>
    public List<DeliveredEvent> FirstArrivals() => _arrivals.FirstArrivals();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _keeper.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _client.Dispose();
        _client = _factory.CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _port)
            .WithClientId(_clientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(false)
            .WithTimeout(TimeSpan.FromSeconds(5))
            // The city platform reads what arrives at once: with delayed ACKs, Mosquitto (Nagle on by default) would
            // hold the tail of each batch up to 40 ms, and the rig would measure that instead of the forwarder.
            .WithStreamProvider(QuickAck)
            .Build();
        await _client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(_filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken).ConfigureAwait(false);
    }

    private async Task KeepConnectedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    await ConnectAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException && !_stop.IsCancellationRequested)
                {
                    // The broker is away: try again shortly.
                }
            }

            await Task.Delay(50, _stop.Token).ConfigureAwait(false);
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string topic = e.ApplicationMessage.Topic;
        if (NgsiLdBatchScanner.IsArray(e.ApplicationMessage.Payload))
        {
            NgsiLdBatchScanner.Scan(e.ApplicationMessage.Payload, (key, observedAt) => _arrivals.Record(key, observedAt ?? now, now));
        }
        else if (topic.Split('/') is ["edgecity", var board, "state" or "alarm" or "heartbeat"])
        {
            using var document = JsonDocument.Parse(e.ApplicationMessage.Payload);
            JsonElement root = document.RootElement;
            _arrivals.Record(board, root.GetProperty("boot").GetInt64(), root.GetProperty("seq").GetInt64(), root.GetProperty("ts").GetInt64(), now);
        }

        return Task.CompletedTask;
    }
}
