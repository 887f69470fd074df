using System.Text;
using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Tests.Boundaries;

/// <summary>
/// The radio boundary for unit tests of firmware logic: records what would go on air. (The simulator and
/// the end-to-end tests use a real MQTT client and broker.) Preallocates so it adds no allocation of its own.
/// </summary>
internal sealed class RecordingTransport : IUplinkTransport
{
    private readonly List<(string Topic, byte[] Payload, int Length, bool Retain)> _sent = new(4096);

    public bool LinkUp { get; set; } = true;

    public bool IsConnected { get; private set; }

    public int ConnectAttempts { get; private set; }

    public string? WillTopic { get; private set; }

    public string? WillPayload { get; private set; }

    public bool RecordPayloads { get; set; } = true;

    public int PublishCount { get; private set; }

    public IReadOnlyList<(string Topic, string Payload, bool Retain)> Sent =>
        _sent.Select(s => (s.Topic, Encoding.ASCII.GetString(s.Payload, 0, s.Length), s.Retain)).ToList();

    public bool Connect(string clientId, string willTopic, byte[] willPayload, int willLength)
    {
        ConnectAttempts++;
        if (!LinkUp)
        {
            return false;
        }

        WillTopic = willTopic;
        if (RecordPayloads)
        {
            WillPayload = Encoding.ASCII.GetString(willPayload, 0, willLength);
        }

        IsConnected = true;
        return true;
    }

    public bool Publish(string topic, byte[] payload, int length, bool retain)
    {
        if (!LinkUp)
        {
            IsConnected = false;
            return false;
        }

        PublishCount++;
        if (RecordPayloads)
        {
            _sent.Add((topic, payload.AsSpan(0, length).ToArray(), length, retain));
        }

        return true;
    }

    public void Disconnect() => IsConnected = false;
}
