using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EdgeCity.Firmware.Hardware;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;

namespace EdgeCity.Cli.Benchmarks.ShelterBench;

/// <summary>
/// The bench's radio for one shelter board: alarms and the birth/will go over a real MQTT client to the real
/// gateway (publish blocks until the gateway committed and acknowledged, and that wall time is measured);
/// heartbeats are acknowledged locally and counted, so a thousand shelter-months of hourly heartbeats do not
/// turn the bench into a disk benchmark of the gateway.
/// </summary>
internal sealed class ShelterBenchRadio(MqttBrokerEndpoint broker, VirtualClock clock) : IUplinkTransport, IDisposable
{
    private readonly MqttnetUplinkTransport _mqtt = new(broker);

    /// <summary>Each alarm delivered: virtual time of the publish, the alarm's payload, the measured publish→PUBACK time.</summary>
    public List<(long PublishedUnixMs, JsonElement Alarm, double PubackMs)> Alarms { get; } = [];

    /// <summary>Heartbeats acknowledged locally.</summary>
    public long HeartbeatsCounted { get; private set; }

    /// <inheritdoc />
    public bool IsConnected => _mqtt.IsConnected;

    /// <inheritdoc />
    public bool Connect(string clientId, string willTopic, byte[] willPayload, int willLength) =>
        _mqtt.Connect(clientId, willTopic, willPayload, willLength);

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int length, bool retain)
    {
        if (topic.EndsWith("/heartbeat", StringComparison.Ordinal))
        {
            HeartbeatsCounted++;
            return true;
        }

        long start = Stopwatch.GetTimestamp();
        bool ok = _mqtt.Publish(topic, payload, length, retain);
        double elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (ok && topic.EndsWith("/alarm", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(Encoding.ASCII.GetString(payload, 0, length));
            Alarms.Add((clock.NowUnixMs, json.RootElement.Clone(), elapsedMs));
        }

        return ok;
    }

    /// <inheritdoc />
    public void Disconnect() => _mqtt.Disconnect();

    /// <inheritdoc />
    public void Dispose() => _mqtt.Dispose();
}
