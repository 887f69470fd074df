using System.Text;
using System.Text.Json;
using EdgeCity.Firmware.Hardware;
using EdgeCity.HardwareSim.Time;

namespace EdgeCity.Cli.Benchmarks.ShelterBench;

/// <summary>
/// The bench's radio for one shelter-month: it records the board's MQTT session (connect with its will, the
/// birth, every alarm, in order, with the virtual time each left) for <see cref="ShelterSessionReplay"/> to send
/// through the real gateway afterwards, and acknowledges at once. The board cannot tell the difference: its
/// virtual clock does not move while a publish waits for the PUBACK, so a month simulated against this radio
/// plays exactly as against a live broker. Heartbeats are counted, not kept. The downlink hands out the
/// retained messages a gateway would deliver after each subscribe (the stop's service hours).
/// </summary>
internal sealed class ShelterBenchRadio(VirtualClock clock) : IUplinkTransport, IDownlinkTransport
{
    private readonly Queue<(string Topic, byte[] Payload)> _arrivals = new();

    /// <summary>The session as the gateway would see it.</summary>
    public ShelterBenchSession Session { get; } = new();

    /// <summary>Retained downlink messages (topic, payload): delivered after every subscribe.</summary>
    public List<(string Topic, byte[] Payload)> Retained { get; } = [];

    /// <summary>Heartbeats acknowledged locally.</summary>
    public long HeartbeatsCounted { get; private set; }

    /// <inheritdoc />
    public bool IsConnected { get; private set; }

    /// <inheritdoc />
    public bool Connect(string clientId, string willTopic, byte[] willPayload, int willLength)
    {
        if (Session.ClientId is null)
        {
            Session.ClientId = clientId;
            Session.WillTopic = willTopic;
            Session.WillPayload = willPayload.AsSpan(0, willLength).ToArray();
        }

        IsConnected = true;
        return true;
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int length, bool retain)
    {
        if (topic.EndsWith("/heartbeat", StringComparison.Ordinal))
        {
            HeartbeatsCounted++;
            return true;
        }

        byte[] copy = payload.AsSpan(0, length).ToArray();
        bool alarm = topic.EndsWith("/alarm", StringComparison.Ordinal);
        Session.Messages.Add(new ShelterBenchMessage(topic, copy, retain, clock.NowUnixMs, alarm));
        if (alarm)
        {
            using var json = JsonDocument.Parse(Encoding.ASCII.GetString(copy));
            Session.Alarms.Add((clock.NowUnixMs, json.RootElement.Clone()));
        }

        return true;
    }

    /// <inheritdoc />
    public void Disconnect() => IsConnected = false;

    /// <inheritdoc />
    public bool Subscribe(string topicFilter)
    {
        string prefix = topicFilter.TrimEnd('#');
        foreach (var message in Retained.Where(m => m.Topic.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _arrivals.Enqueue(message);
        }

        return IsConnected;
    }

    /// <inheritdoc />
    public int Receive(byte[] buffer, int waitMs, out string? topic)
    {
        topic = null;
        while (_arrivals.TryDequeue(out var message))
        {
            if (message.Payload.Length <= buffer.Length)
            {
                message.Payload.CopyTo(buffer, 0);
                topic = message.Topic;
                return message.Payload.Length;
            }
        }

        return -1;
    }
}
