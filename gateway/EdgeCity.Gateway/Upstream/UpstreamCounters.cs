namespace EdgeCity.Gateway.Upstream;

/// <summary>What the upstream pump did since start and where it stands; shown on <c>/healthz</c> and <c>/metrics</c>.</summary>
public sealed class UpstreamCounters
{
    private long _batchesConfirmed;
    private long _entitiesConfirmed;
    private long _entitiesSent;
    private long _failures;
    private long _connects;
    private int _connected;
    private long _lastConfirmedUnixMs;

    /// <summary>True while the forwarder is connected.</summary>
    public bool Connected => Volatile.Read(ref _connected) == 1;

    /// <summary>Batches upstream confirmed.</summary>
    public long BatchesConfirmed => Interlocked.Read(ref _batchesConfirmed);

    /// <summary>Entities upstream confirmed (a resent entity counts again).</summary>
    public long EntitiesConfirmed => Interlocked.Read(ref _entitiesConfirmed);

    /// <summary>Entities handed to the forwarder, resends included.</summary>
    public long EntitiesSent => Interlocked.Read(ref _entitiesSent);

    /// <summary>Connection attempts and sends that failed.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Successful (re)connections.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>When upstream last confirmed a batch (Unix ms), or 0.</summary>
    public long LastConfirmedUnixMs => Interlocked.Read(ref _lastConfirmedUnixMs);

    internal void CountConnected()
    {
        Interlocked.Increment(ref _connects);
        Volatile.Write(ref _connected, 1);
    }

    internal void CountFailure()
    {
        Interlocked.Increment(ref _failures);
        Volatile.Write(ref _connected, 0);
    }

    internal void CountSent(int entities) => Interlocked.Add(ref _entitiesSent, entities);

    internal void CountConfirmed(int entities, long nowUnixMs)
    {
        Interlocked.Increment(ref _batchesConfirmed);
        Interlocked.Add(ref _entitiesConfirmed, entities);
        Interlocked.Exchange(ref _lastConfirmedUnixMs, nowUnixMs);
    }
}
