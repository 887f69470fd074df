namespace EdgeCity.DeliveryRig;

/// <summary>How a rig Mosquitto is configured; written into its generated mosquitto.conf.</summary>
public sealed class MosquittoSettings
{
    /// <summary>Keep sessions and queued messages on disk (saved on a clean stop and every <see cref="AutosaveIntervalS"/>).</summary>
    public bool Persistence { get; init; } = true;

    /// <summary>Seconds between persistence saves (Mosquitto's default is 1,800).</summary>
    public int AutosaveIntervalS { get; init; } = 1800;

    /// <summary>
    /// Messages queued per client beyond those in flight (Mosquitto's default is 1,000, then it drops);
    /// 0 for no limit, which is how the rig's city broker runs so that any loss is the forwarder's.
    /// </summary>
    public int MaxQueuedMessages { get; init; } = 1000;

    /// <summary>QoS 1 messages in flight per client (Mosquitto's default is 20).</summary>
    public int MaxInflightMessages { get; init; } = 20;

    /// <summary>When set, a second listener on <see cref="MosquittoBroker.TlsPort"/> speaks TLS with these files.</summary>
    public MosquittoTlsListener? Tls { get; init; }

    /// <summary>When set, a bridge forwards <c>edgecity/#</c> with QoS 1 to this broker port on 127.0.0.1.</summary>
    public int? BridgeToPort { get; init; }
}
