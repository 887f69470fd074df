using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EdgeCity.DeliveryRig;

/// <summary>
/// Simulated boards that publish bay state changes with QoS 1 and behave like the firmware's uplink: one
/// message at a time, the next only after the PUBACK; on any failure reconnect and send the same message
/// (same boot and sequence) again. Every payload's <c>ts</c> is the wall-clock send time, so the recorder
/// can measure end-to-end latency. Records what the broker acknowledged.
/// </summary>
public sealed class BoardLoad
{
    private readonly IReadOnlyList<string> _boards;
    private readonly string _host;
    private readonly int _port;
    private readonly BoardLoadOptions _options;
    private readonly List<string>[] _acked;
    private readonly List<double> _ackLatenciesMs = [];
    private long _failures;

    /// <summary>Creates the boards <paramref name="boards"/>, publishing to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public BoardLoad(IReadOnlyList<string> boards, string host, int port, BoardLoadOptions options)
    {
        _boards = boards;
        _host = host;
        _port = port;
        _options = options;
        _acked = boards.Select(_ => new List<string>()).ToArray();
    }

    /// <summary>Publishes that failed or could not be made (then retried).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Messages acknowledged so far.</summary>
    public int Acknowledged => _acked.Sum(a => { lock (a) { return a.Count; } });

    /// <summary>The keys (<c>board:boot:seq</c>) of every acknowledged message.</summary>
    public List<string> AcknowledgedKeys() => _acked.SelectMany(a => { lock (a) { return a.ToList(); } }).ToList();

    /// <summary>Publish → PUBACK latencies of acknowledged messages, in ms.</summary>
    public double[] AckLatenciesMs()
    {
        lock (_ackLatenciesMs)
        {
            return [.. _ackLatenciesMs];
        }
    }

    /// <summary>Runs every board until <paramref name="stop"/> fires; a publish in progress then gets 5 s to finish.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(_boards.Select((id, i) => Task.Run(() => RunBoardAsync(id, i, stop), CancellationToken.None)));

    private async Task RunBoardAsync(string boardId, int index, CancellationToken stop)
    {
        var factory = new MqttClientFactory();
        IMqttClient client = factory.CreateMqttClient();
        string topic = $"edgecity/{boardId}/state";
        var pacing = Stopwatch.StartNew();
        long seq = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                seq++;
                if (_options.EventsPerSecondPerBoard is { } rate)
                {
                    var due = TimeSpan.FromSeconds((seq - 1) / rate);
                    if (due > pacing.Elapsed && !await DelayAsync(due - pacing.Elapsed, stop).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                // Same boot and seq on every attempt: the gateway recognises a redelivery.
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        if (!client.IsConnected)
                        {
                            client.Dispose();
                            client = factory.CreateMqttClient();
                            await client.ConnectAsync(ConnectOptions(boardId), stop).ConfigureAwait(false);
                        }

                        long ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                        string state = seq % 2 == 0 ? "free" : "occupied";
                        byte[] payload = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                            $"{{\"boot\":{_options.Boot},\"seq\":{seq},\"ts\":{ts},\"state\":\"{state}\"}}"));
                        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                        long t0 = Stopwatch.GetTimestamp();
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                        MqttClientPublishResult result = await client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
                        if (!result.IsSuccess)
                        {
                            throw new MqttCommunicationException($"PUBACK with {result.ReasonCode}");
                        }

                        double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                        lock (_acked[index])
                        {
                            _acked[index].Add($"{boardId}:{_options.Boot}:{seq}");
                        }

                        lock (_ackLatenciesMs)
                        {
                            _ackLatenciesMs.Add(ms);
                        }

                        break;
                    }
                    catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
                    {
                        Interlocked.Increment(ref _failures);
                        client.Dispose();
                        client = factory.CreateMqttClient();
                        if (!await DelayAsync(TimeSpan.FromMilliseconds(_options.RetryDelayMs), stop).ConfigureAwait(false))
                        {
                            return;
                        }
                    }
                }
            }
        }
        finally
        {
            client.Dispose();
        }
    }

    private MqttClientOptions ConnectOptions(string boardId)
    {
        var builder = new MqttClientOptionsBuilder().WithTcpServer(_host, _port).WithClientId(boardId)
            .WithCleanSession(true).WithTimeout(TimeSpan.FromSeconds(5));
        if (_options.Secrets is { } secrets && secrets.TryGetValue(boardId, out string? secret))
        {
            builder = builder.WithCredentials(boardId, secret);
        }

        return builder.Build();
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
