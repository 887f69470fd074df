using EdgeCity.Gateway.Metrics;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// Moves the outbox upstream: reads entries in commit order, sends them in batches with a window of
/// unconfirmed batches, and tells the writer to delete a batch only once upstream confirmed it and every batch
/// before it. On a failure it forgets what is unconfirmed, backs off, reconnects and sends again from the first
/// unconfirmed entry: at least once, in order per board (and overall), across outages and restarts.
/// </summary>
public sealed class UpstreamPump(
    IUpstreamForwarder forwarder,
    OutboxWriter writer,
    GatewayDatabase database,
    OutboxCounters outboxCounters,
    UpstreamCounters counters,
    DeliveryStages stages,
    IOptions<UpstreamOptions> options,
    TimeProvider time,
    ILogger<UpstreamPump> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        UpstreamOptions settings = options.Value;
        if (settings.Kind == UpstreamKind.None)
        {
            UpstreamLog.Off(logger);
            return;
        }

        using var reader = new OutboxReader(database);
        var inFlight = new Queue<InFlightBatch>();
        long sentUpTo = 0;
        long confirmedUpTo = 0;
        bool reconnect = true;
        int delayMs = settings.ReconnectMinDelayMs;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (reconnect || !forwarder.IsConnected)
                {
                    await forwarder.ConnectAsync(stoppingToken).ConfigureAwait(false);
                    reconnect = false;
                    counters.CountConnected();
                    UpstreamLog.Connected(logger, forwarder.Destination, outboxCounters.TotalEntries);
                    delayMs = settings.ReconnectMinDelayMs;
                }

                long version = writer.AppendVersion;
                while (inFlight.Count < forwarder.Window
                    && reader.ReadBatch(sentUpTo, settings.MaxEntitiesPerBatch, settings.MaxBatchBytes) is { } batch)
                {
                    long[] receivedAt = batch.ReceivedAtUnixMs.ToArray();
                    Record(stages.ReadByPump, receivedAt);
                    Task sent = SendAsync(batch, stoppingToken);
                    counters.CountSent(batch.Count);
                    inFlight.Enqueue(new InFlightBatch(sent, batch.LastId, batch.Count, receivedAt));
                    sentUpTo = batch.LastId;
                }

                if (inFlight.Count == 0)
                {
                    await WaitQuietlyAsync(writer.AppendedSince(version), TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                    continue;
                }

                Task oldest = inFlight.Peek().Sent;
                await (inFlight.Count < forwarder.Window
                    ? Task.WhenAny(oldest, writer.AppendedSince(version))
                    : oldest).ConfigureAwait(false);

                // Confirm in order only: a later batch's PUBACK says nothing about an earlier one's fate.
                while (inFlight.Count > 0 && inFlight.Peek().Sent.IsCompleted)
                {
                    await inFlight.Peek().Sent.ConfigureAwait(false);
                    InFlightBatch done = inFlight.Dequeue();
                    confirmedUpTo = done.LastId;
                    Record(stages.ConfirmedUpstream, done.ReceivedAtUnixMs);
                    counters.CountConfirmed(done.Count, time.GetUtcNow().ToUnixTimeMilliseconds());
                    writer.MarkForwarded(confirmedUpTo);
                }
            }
            catch (UpstreamUnavailableException e)
            {
                counters.CountFailure();
                confirmedUpTo = await SettleAsync(inFlight, confirmedUpTo).ConfigureAwait(false);
                sentUpTo = confirmedUpTo;
                reconnect = true;
                UpstreamLog.Unavailable(logger, forwarder.Destination, e.Message, delayMs, outboxCounters.TotalEntries);
                await Task.Delay(delayMs, stoppingToken).ConfigureAwait(false);
                delayMs = Math.Min(delayMs * 2, settings.ReconnectMaxDelayMs);
            }
        }
    }

    /// <summary>Sends <paramref name="batch"/> and gives its buffer back once the forwarder is done with it, whatever the outcome.</summary>
    private async Task SendAsync(OutboxBatch batch, CancellationToken stoppingToken)
    {
        try
        {
            await forwarder.SendAsync(batch.Body, batch.Count, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            batch.Return();
        }
    }

    /// <summary>After a failure: keeps the confirmed prefix of what was in flight, forgets the rest (it is sent again).</summary>
    private async Task<long> SettleAsync(Queue<InFlightBatch> inFlight, long confirmedUpTo)
    {
        bool prefix = true;
        while (inFlight.Count > 0)
        {
            InFlightBatch batch = inFlight.Dequeue();
            try
            {
                await batch.Sent.ConfigureAwait(false);
                if (prefix)
                {
                    confirmedUpTo = batch.LastId;
                    counters.CountConfirmed(batch.Count, time.GetUtcNow().ToUnixTimeMilliseconds());
                }
            }
            catch (UpstreamUnavailableException)
            {
                prefix = false;
            }
            catch (OperationCanceledException)
            {
                prefix = false;
            }
        }

        writer.MarkForwarded(confirmedUpTo);
        return confirmedUpTo;
    }

    /// <summary>Records, for each entry, the time from its arrival at the gateway until now.</summary>
    private void Record(LatencyHistogram stage, long[] receivedAtUnixMs)
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (long receivedAt in receivedAtUnixMs)
        {
            stage.Record(now - receivedAt);
        }
    }

    private static async Task WaitQuietlyAsync(Task signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await signal.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Nothing appended: look again anyway.
        }
    }

    private sealed record InFlightBatch(Task Sent, long LastId, int Count, long[] ReceivedAtUnixMs);
}
