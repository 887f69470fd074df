using System.Text;
using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Tests.Boundaries;

/// <summary>
/// A board's MQTT session for unit tests of the configuration logic: it connects only while pointed at the port the
/// gateway listens on, records what the board publishes, and hands out downlink messages the test queues.
/// </summary>
internal sealed class GatewayLink(int gatewayPort) : IUplinkTransport, IDownlinkTransport, IGatewayEndpoint
{
    private readonly Queue<(string Topic, byte[] Payload)> _downlink = new();

    public int Port { get; private set; }

    public bool IsConnected { get; private set; }

    public List<(string Topic, string Payload)> Published { get; } = [];

    public void SetGateway(string host, int port) => Port = port;

    public bool Connect(string clientId, string willTopic, byte[] willPayload, int willLength) => IsConnected = Port == gatewayPort;

    public bool Publish(string topic, byte[] payload, int length, bool retain)
    {
        Published.Add((topic, Encoding.ASCII.GetString(payload, 0, length)));
        return IsConnected;
    }

    public void Disconnect() => IsConnected = false;

    public bool Subscribe(string topicFilter) => IsConnected;

    public void Deliver(string topic, byte[] payload) => _downlink.Enqueue((topic, payload));

    public int Receive(byte[] buffer, int waitMs, out string? topic)
    {
        topic = null;
        if (!_downlink.TryDequeue(out var message))
        {
            return -1;
        }

        message.Payload.CopyTo(buffer, 0);
        topic = message.Topic;
        return message.Payload.Length;
    }
}
