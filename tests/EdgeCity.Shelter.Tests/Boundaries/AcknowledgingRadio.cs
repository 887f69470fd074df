using System.Text;
using System.Text.Json;
using EdgeCity.Firmware.Hardware;
using EdgeCity.HardwareSim.Radio;

namespace EdgeCity.Shelter.Tests.Boundaries;

/// <summary>
/// A real MQTT radio that also records, in order, every alarm the gateway acknowledged: the gateway sends the
/// PUBACK only after committing the message, so an entry here is an alarm the gateway holds.
/// </summary>
internal sealed class AcknowledgingRadio(MqttBrokerEndpoint broker) : IUplinkTransport, IDisposable
{
    private readonly MqttnetUplinkTransport _mqtt = new(broker);

    public bool LinkUp
    {
        get => _mqtt.LinkUp;
        set => _mqtt.LinkUp = value;
    }

    public List<JsonElement> AcknowledgedAlarms { get; } = [];

    public bool IsConnected => _mqtt.IsConnected;

    public bool Connect(string clientId, string willTopic, byte[] willPayload, int willLength) => _mqtt.Connect(clientId, willTopic, willPayload, willLength);

    public bool Publish(string topic, byte[] payload, int length, bool retain)
    {
        bool acknowledged = _mqtt.Publish(topic, payload, length, retain);
        if (acknowledged && topic.EndsWith("/alarm", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(Encoding.ASCII.GetString(payload, 0, length));
            AcknowledgedAlarms.Add(json.RootElement.Clone());
        }

        return acknowledged;
    }

    public void Disconnect() => _mqtt.Disconnect();

    public void Dispose() => _mqtt.Dispose();
}
