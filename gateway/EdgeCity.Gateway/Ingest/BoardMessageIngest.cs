using EdgeCity.Gateway.Hosting;
using EdgeCity.Gateway.Parking;
using EdgeCity.Gateway.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Ingest;

/// <summary>
/// The path of one board publish into the gateway: size limit, parsing, inventory check, durable commit.
/// It returns whether the message may be acknowledged: only after the commit, so a board never sees a
/// PUBACK for something the gateway could lose. Bad input is refused, counted and logged; nothing throws.
/// </summary>
public sealed class BoardMessageIngest(
    BoardEventStore store,
    BayDirectory directory,
    IngestCounters counters,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<BoardMessageIngest> logger)
{
    /// <summary>Raised after a message was committed and applied (not for duplicates).</summary>
    public event Action<BoardMessage>? Committed;

    /// <summary>Handles one publish. Returns false when it was refused or could not be stored.</summary>
    public async Task<bool> HandleAsync(string topic, string clientId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        int limit = options.Value.MaxPayloadBytes;
        if (payload.Length > limit)
        {
            counters.CountOversized();
            IngestLog.Oversized(logger, clientId, topic, payload.Length, limit);
            return false;
        }

        long receivedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!BoardMessageParser.TryParse(topic, clientId, payload.Span, receivedAt, out BoardMessage? message, out string error))
        {
            counters.CountMalformed();
            IngestLog.Refused(logger, clientId, error);
            return false;
        }

        if (!directory.IsKnownBoard(message!.BoardId))
        {
            counters.CountUnknownBoard();
            IngestLog.UnknownBoard(logger, message.BoardId, topic);
            return false;
        }

        StoreOutcome outcome;
        try
        {
            outcome = await store.CommitAsync(message, receivedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            counters.CountStoreFailure();
            IngestLog.StoreFailed(logger, message.BoardId, e);
            return false;
        }

        if (outcome == StoreOutcome.Duplicate)
        {
            counters.CountDuplicate();
            return true;
        }

        counters.CountAccepted();
        LogApplied(message);
        Committed?.Invoke(message);
        return true;
    }

    private void LogApplied(BoardMessage message)
    {
        if (message.State is not null)
        {
            IngestLog.BayChanged(logger, message.BoardId, message.State,
                DateTimeOffset.FromUnixTimeMilliseconds(message.ObservedAtUnixMs), message.Boot, message.Sequence);
        }
        else if (message.Online is { } online)
        {
            IngestLog.BoardStatus(logger, message.BoardId, online ? "online" : "offline", message.Boot);
        }
    }
}
