namespace EdgeCity.Gateway.Ingest;

/// <summary>Where board messages come in: the embedded broker, or a subscription to an external one.</summary>
public interface IBoardBroker
{
    /// <summary>True while board messages can arrive (embedded broker listening, or external broker connected).</summary>
    bool IsRunning { get; }

    /// <summary>What <c>/healthz</c> calls it: <c>embedded</c> or <c>external</c>.</summary>
    string Mode { get; }
}
