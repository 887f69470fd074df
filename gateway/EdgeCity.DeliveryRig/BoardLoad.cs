using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Unicode;

namespace EdgeCity.DeliveryRig;

/// <summary>
/// Simulated boards that publish bay state changes with QoS 1 and behave like the firmware's uplink: one
/// message at a time, the next only after the PUBACK; on any failure reconnect and send the same message
/// (same boot and sequence) again. Every payload's <c>ts</c> is the wall-clock send time, so the recorder
/// can measure end-to-end latency. Records what the broker acknowledged. The boards speak MQTT through
/// <see cref="LeanMqttPublisher"/>, so they take little of the CPU that the system under test needs.
/// </summary>
public sealed class BoardLoad
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<string> _boards;
    private readonly string _host;
    private readonly int _port;
    private readonly BoardLoadOptions _options;

    // A board's sequence numbers are acknowledged in order, one at a time: the last one says which were.
    private readonly long[] _lastAcked;
    private readonly List<float>[] _ackLatenciesMs;
    private readonly List<float>[] _heldUpMs;
    private readonly List<float>[] _timerLatenessMs;
    private long _failures;

    /// <summary>Creates the boards <paramref name="boards"/>, publishing to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public BoardLoad(IReadOnlyList<string> boards, string host, int port, BoardLoadOptions options)
    {
        _boards = boards;
        _host = host;
        _port = port;
        _options = options;
        _lastAcked = new long[boards.Count];
        _ackLatenciesMs = boards.Select(_ => new List<float>()).ToArray();
        _heldUpMs = boards.Select(_ => new List<float>()).ToArray();
        _timerLatenessMs = boards.Select(_ => new List<float>()).ToArray();
    }

    /// <summary>Publishes that failed or could not be made (then retried).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Messages acknowledged so far.</summary>
    public int Acknowledged => (int)Enumerable.Range(0, _boards.Count).Sum(i => Volatile.Read(ref _lastAcked[i]));

    /// <summary>The keys (<c>board:boot:seq</c>) of every acknowledged message.</summary>
    public List<string> AcknowledgedKeys()
    {
        var keys = new List<string>(Acknowledged);
        for (int i = 0; i < _boards.Count; i++)
        {
            long last = Volatile.Read(ref _lastAcked[i]);
            for (long seq = 1; seq <= last; seq++)
            {
                keys.Add(string.Create(CultureInfo.InvariantCulture, $"{_boards[i]}:{_options.Boot}:{seq}"));
            }
        }

        return keys;
    }

    /// <summary>Publish → PUBACK latencies of acknowledged messages, in ms.</summary>
    public double[] AckLatenciesMs() => Flatten(_ackLatenciesMs);

    /// <summary>
    /// With Poisson arrivals, the events whose board was still waiting for its previous PUBACK when they were due:
    /// how long after their scheduled moment they were sent, in ms. Their <c>ts</c> is that moment, so this wait is
    /// in their end-to-end latency (no coordinated omission).
    /// </summary>
    public double[] HeldUpMs() => Flatten(_heldUpMs);

    /// <summary>
    /// With Poisson arrivals, the events whose board was idle when they were due: how late the load generator's timer
    /// and threads woke it, in ms. The load generator's lag, not the service's: their <c>ts</c> is when they were sent.
    /// </summary>
    public double[] TimerLatenessMs() => Flatten(_timerLatenessMs);

    private static void Record(List<float>[] perBoard, int index, float ms)
    {
        lock (perBoard[index])
        {
            perBoard[index].Add(ms);
        }
    }

    private static double[] Flatten(List<float>[] perBoard)
    {
        var all = new List<double>();
        foreach (List<float> board in perBoard)
        {
            lock (board)
            {
                all.AddRange(board.Select(ms => (double)ms));
            }
        }

        return [.. all];
    }

    /// <summary>Runs every board until <paramref name="stop"/> fires; a publish in progress then ends at once and does not count.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(_boards.Select((id, i) => Task.Run(() => RunBoardAsync(id, i, stop), CancellationToken.None)));

    private async Task RunBoardAsync(string boardId, int index, CancellationToken stop)
    {
        byte[] topic = Encoding.UTF8.GetBytes($"edgecity/{boardId}/state");
        var payload = new byte[128];
        string? secret = _options.Secrets is { } secrets && secrets.TryGetValue(boardId, out string? s) ? s : null;
        LeanMqttPublisher? connection = null;
        var pacing = Stopwatch.StartNew();
        long pacingStartUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var gaps = new Random(HashCode.Combine(_options.Seed, index));
        double dueSeconds = 0;
        long seq = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                seq++;
                long? heldUpSinceUnixMs = null;
                if (_options.EventsPerSecondPerBoard is { } rate)
                {
                    // Poisson: exponential gaps; the first event of each board also waits one, so boards do not start in step.
                    dueSeconds += _options.PoissonArrivals ? -Math.Log(1 - gaps.NextDouble()) / rate : (seq == 1 ? 0 : 1 / rate);
                    var due = TimeSpan.FromSeconds(dueSeconds);
                    // Read the clock once: read twice, it could pass the due moment in between and give a negative delay.
                    TimeSpan untilDue = due - pacing.Elapsed;
                    if (untilDue > TimeSpan.Zero)
                    {
                        if (!await DelayAsync(untilDue, stop).ConfigureAwait(false))
                        {
                            return;
                        }

                        if (_options.PoissonArrivals)
                        {
                            Record(_timerLatenessMs, index, (float)(pacing.Elapsed - due).TotalMilliseconds);
                        }
                    }
                    else if (_options.PoissonArrivals)
                    {
                        // Still busy with the previous event when this one was due: the wait is the service's, it counts.
                        heldUpSinceUnixMs = pacingStartUnixMs + (long)due.TotalMilliseconds;
                    }
                }

                // Same boot and seq on every attempt: the gateway recognises a redelivery.
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        connection ??= await LeanMqttPublisher.ConnectAsync(_host, _port, boardId, secret is null ? null : boardId, secret, Timeout, stop).ConfigureAwait(false);
                        long ts = heldUpSinceUnixMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                        string state = seq % 2 == 0 ? "free" : "occupied";
                        Utf8.TryWrite(payload, CultureInfo.InvariantCulture,
                            $"{{\"boot\":{_options.Boot},\"seq\":{seq},\"ts\":{ts},\"state\":\"{state}\"}}", out int length);
                        long t0 = Stopwatch.GetTimestamp();

                        await connection.PublishAsync(topic, payload.AsMemory(0, length), Timeout).ConfigureAwait(false);
                        float ms = (float)Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                        Volatile.Write(ref _lastAcked[index], seq);
                        if (heldUpSinceUnixMs is { } since)
                        {
                            Record(_heldUpMs, index, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - since - ms);
                        }

                        lock (_ackLatenciesMs[index])
                        {
                            _ackLatenciesMs[index].Add(ms);
                        }

                        break;
                    }
                    catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                    {
                        Interlocked.Increment(ref _failures);
                        connection?.Dispose();
                        connection = null;
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
            connection?.Dispose();
        }
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
