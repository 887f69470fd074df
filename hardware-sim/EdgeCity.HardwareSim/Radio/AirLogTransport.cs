using System.Text;
using EdgeCity.Firmware.Hardware;

namespace EdgeCity.HardwareSim.Radio;

/// <summary>
/// A radio whose far end is a log instead of a broker: what the board sends, stamped with virtual time. The
/// parking benchmark runs tens of millions of board wake-ups, and what it scores is the firmware's verdicts,
/// not MQTT (the end-to-end tests cover the real broker and gateway). <see cref="LinkUp"/> injects outages.
/// </summary>
public sealed class AirLogTransport(Func<long> nowUnixMs) : IUplinkTransport
{
    private readonly List<AirMessage> _log = [];
    private bool _connected;

    /// <summary>Fault injection: false makes every connect and publish fail.</summary>
    public bool LinkUp { get; set; } = true;

    /// <summary>Successful connections (each costs a radio session in the power model).</summary>
    public long Connects { get; private set; }

    /// <summary>What reached the far end, in order.</summary>
    public IReadOnlyList<AirMessage> Log => _log;

    /// <inheritdoc />
    public bool IsConnected => _connected && LinkUp;

    /// <inheritdoc />
    public bool Connect(string clientId, string willTopic, byte[] willPayload, int willLength)
    {
        _connected = LinkUp;
        Connects += _connected ? 1 : 0;
        return _connected;
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int length, bool retain)
    {
        if (!IsConnected)
        {
            _connected = false;
            return false;
        }

        _log.Add(new AirMessage(nowUnixMs(), topic, Encoding.ASCII.GetString(payload, 0, length)));
        return true;
    }

    /// <inheritdoc />
    public void Disconnect() => _connected = false;
}
