using System.Text;
using System.Text.Json;
using EdgeCity.Firmware.Hardware;
using EdgeCity.HardwareSim.Time;

namespace EdgeCity.Shelter.Tests.Boundaries;

/// <summary>A radio that records what goes on air with the virtual time it went (the gateway path is tested with a real broker).</summary>
internal sealed class RecordingRadio(VirtualClock clock) : IUplinkTransport
{
    public bool LinkUp { get; set; } = true;

    public bool IsConnected { get; private set; }

    public List<(long AtUnixMs, string Topic, string Payload)> Sent { get; } = [];

    public IEnumerable<JsonElement> On(string kind) =>
        Sent.Where(s => s.Topic.EndsWith("/" + kind, StringComparison.Ordinal)).Select(s => JsonDocument.Parse(s.Payload).RootElement);

    public bool Connect(string clientId, string willTopic, byte[] willPayload, int willLength)
    {
        IsConnected = LinkUp;
        return LinkUp;
    }

    public bool Publish(string topic, byte[] payload, int length, bool retain)
    {
        if (!LinkUp)
        {
            IsConnected = false;
            return false;
        }

        Sent.Add((clock.NowUnixMs, topic, Encoding.UTF8.GetString(payload, 0, length)));
        return true;
    }

    public void Disconnect() => IsConnected = false;
}
