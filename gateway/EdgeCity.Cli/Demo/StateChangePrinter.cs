using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Parking;

namespace EdgeCity.Cli.Demo;

/// <summary>Prints each bay state change the gateway committed, one line each, as it happens.</summary>
public sealed class StateChangePrinter(TextWriter output, BayDirectory directory)
{
    private readonly Lock _gate = new();
    private long _changes;

    /// <summary>State changes printed.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Handler for <see cref="BoardMessageIngest.Committed"/>.</summary>
    public void OnCommitted(BoardMessage message)
    {
        if (message.State is null)
        {
            return;
        }

        Interlocked.Increment(ref _changes);
        string label = directory.TryGetBay(message.BoardId, out KnownBay bay) ? $"{bay.LotId} {bay.Label}" : "";
        var observed = DateTimeOffset.FromUnixTimeMilliseconds(message.ObservedAtUnixMs).ToLocalTime();
        lock (_gate)
        {
            output.WriteLine($"{observed:HH:mm:ss}  {message.BoardId,-24} {label,-32} {message.State}");
        }
    }
}
