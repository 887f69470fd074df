using EdgeCity.Gateway.Hosting;
using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Parking;
using EdgeCity.Gateway.Storage;
using EdgeCity.Gateway.Upstream;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Ingest;

/// <summary>
/// The path of one board publish into the gateway: size limit, topic ACL, parsing, inventory check, rendering
/// for upstream, durable commit. Its verdict says whether the message may be acknowledged: only after the
/// commit, so a board never sees a PUBACK for something the gateway could lose. Bad input is refused, counted
/// and logged; nothing throws.
/// </summary>
public sealed class BoardMessageIngest(
    OutboxWriter writer,
    BayDirectory directory,
    IngestCounters counters,
    IOptions<GatewayOptions> options,
    IOptions<UpstreamOptions> upstream,
    TimeProvider time,
    ILogger<BoardMessageIngest> logger)
{
    private readonly bool _forwarding = upstream.Value.Kind != UpstreamKind.None;

    /// <summary>Raised after a message was committed and applied (not for duplicates).</summary>
    public event Action<BoardMessage>? Committed;

    /// <summary>
    /// Handles one publish on <paramref name="topic"/> by MQTT client <paramref name="clientId"/> (a board's
    /// client id is its board id). <paramref name="payload"/> is handed over: it must not be reused by the caller.
    /// </summary>
    public async Task<IngestVerdict> HandleAsync(string topic, string clientId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        long receivedTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        int limit = options.Value.MaxPayloadBytes;
        if (payload.Length > limit)
        {
            counters.CountOversized();
            IngestLog.Oversized(logger, clientId, topic, payload.Length, limit);
            return IngestVerdict.Refused;
        }

        if (!TopicAccessControl.MayPublish(clientId, topic))
        {
            // Counted as malformed too, as before the ACL had its own counter.
            counters.CountTopicViolation();
            counters.CountMalformed();
            IngestLog.TopicViolation(logger, clientId, topic);
            return IngestVerdict.Refused;
        }

        long receivedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!BoardMessageParser.TryParse(topic, clientId, payload, receivedAt, out BoardMessage? message, out string error))
        {
            counters.CountMalformed();
            IngestLog.Refused(logger, clientId, error);
            return IngestVerdict.Refused;
        }

        if (!directory.IsKnownBoard(message!.BoardId))
        {
            counters.CountUnknownBoard();
            IngestLog.UnknownBoard(logger, message.BoardId, topic);
            return IngestVerdict.Refused;
        }

        OutboxDraft? draft = _forwarding ? SmartDataModelRenderer.Render(message, directory) : null;
        StoreOutcome outcome;
        try
        {
            // Not cut short by the broker's token: the writer always completes or fails the commit within its batch,
            // and a WaitAsync per message cost an allocation, a token registration and a continuation of its own.
            outcome = await writer.CommitAsync(message, receivedAt, draft, receivedTimestamp).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            counters.CountStoreFailure();
            IngestLog.StoreFailed(logger, message.BoardId, e);
            return IngestVerdict.RetryLater;
        }

        switch (outcome)
        {
            case StoreOutcome.Duplicate:
                counters.CountDuplicate();
                return IngestVerdict.Accepted;
            case StoreOutcome.OutboxFull:
                counters.CountOutboxFull();
                return IngestVerdict.RetryLater;
            default:
                counters.CountAccepted();
                LogApplied(message);
                Committed?.Invoke(message);
                return IngestVerdict.Accepted;
        }
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
        else if (message.Alarm is { } alarm)
        {
            IngestLog.Alarm(logger, message.BoardId, alarm, message.Boot, message.Sequence);
        }
    }
}
