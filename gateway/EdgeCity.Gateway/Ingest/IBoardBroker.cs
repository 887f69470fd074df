namespace EdgeCity.Gateway.Ingest;

/// <summary>Where board messages come in: the embedded broker, or a subscription to an external one.</summary>
public interface IBoardBroker
{
    /// <summary>True while board messages can arrive (embedded broker listening, or external broker connected).</summary>
    bool IsRunning { get; }

    /// <summary>What <c>/healthz</c> calls it: <c>embedded</c> or <c>external</c>.</summary>
    string Mode { get; }

    /// <summary>
    /// Publishes a retained QoS 1 message from the gateway to the boards (a downlink); false when the broker is
    /// not up, in which case the caller keeps the message and publishes it again later.
    /// </summary>
    Task<bool> PublishRetainedAsync(string topic, byte[] payload, CancellationToken cancellationToken);

    /// <summary>
    /// Raised each time the broker becomes reachable again after it was not (the external broker reconnected):
    /// what was published retained before may be gone (a broker without persistence, or one that was down when a
    /// downlink was sent), so the downlink publishes its stored messages again. The embedded broker never raises it:
    /// it is up before anything is published and goes down only with the gateway.
    /// </summary>
    event EventHandler? Reconnected;
}
