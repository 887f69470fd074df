using System.Diagnostics;
using System.Threading.Channels;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Metrics;
using EdgeCity.Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Outbox;

/// <summary>
/// The only writer of the gateway's database: one thread that takes every board message waiting, commits them
/// in one transaction (event log, bay state, board status, outbox entry) and only then completes their
/// ingest calls, so the broker acknowledges each message after its batch is durable. One fsync covers the
/// whole batch (group commit): under load batches grow by themselves, at rest a message waits for nobody.
/// The same transactions delete what upstream confirmed, apply the overflow policy and expire old telemetry.
/// </summary>
public sealed class OutboxWriter : IHostedService, IDisposable
{
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromSeconds(1);

    private readonly GatewayDatabase _database;
    private readonly OutboxOptions _options;
    private readonly OutboxCounters _counters;
    private readonly DeliveryStages _stages;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxWriter> _logger;
    // Synchronous continuations: the only reader is the writer thread blocked in Wait, and a write then wakes it
    // directly. By default the wake-up was queued to the thread pool, behind every board's pending work: under load
    // it waited there for tens of ms while messages sat in the queue (the commit stage's p99).
    private readonly Channel<PendingCommit> _queue = Channel.CreateUnbounded<PendingCommit>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OutboxContent _committed = new();
    private readonly OutboxContent _working = new();
    private long _forwardedUpTo;
    private long _deletedUpTo;
    private long _nextExpiryUnixMs;
    private long _lastOutboxId;
    private Thread? _thread;
    private CommitAcknowledger? _acknowledger;

    /// <summary>Creates the writer over <paramref name="database"/>'s writer connection.</summary>
    public OutboxWriter(GatewayDatabase database, IOptions<OutboxOptions> options, OutboxCounters counters, DeliveryStages stages, TimeProvider time, ILogger<OutboxWriter> logger)
    {
        _database = database;
        _options = options.Value;
        _counters = counters;
        _stages = stages;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Commits <paramref name="message"/> (and <paramref name="draft"/> into the outbox, when upstream is on) in
    /// the next batch. The task completes once that batch is durable, or faults with the database's exception.
    /// <paramref name="receivedTimestamp"/> (<see cref="Stopwatch"/> ticks, 0 for now) is when the publish reached
    /// the gateway: the commit stage of <see cref="DeliveryStages"/> is measured from it.
    /// </summary>
    public Task<StoreOutcome> CommitAsync(BoardMessage message, long receivedAtUnixMs, OutboxDraft? draft, long receivedTimestamp = 0)
    {
        var pending = new PendingCommit(message, receivedAtUnixMs, draft, receivedTimestamp == 0 ? Stopwatch.GetTimestamp() : receivedTimestamp);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(OutboxWriter), "The outbox writer has stopped; the message is not acknowledged.");
        }

        return pending.Outcome;
    }

    /// <summary>Upstream confirmed every entry up to <paramref name="upToId"/>: they are deleted in the next transaction.</summary>
    public void MarkForwarded(long upToId)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _forwardedUpTo);
            if (upToId <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _forwardedUpTo, upToId, seen) != seen);

        _queue.Writer.TryWrite(new PendingCommit(null, 0, null));
    }

    /// <summary>
    /// Raised on the writer thread after each transaction that appended outbox entries, before the boards' ingest
    /// calls are completed (the upstream pump starts reading while the PUBACKs go out). A handler must only signal.
    /// </summary>
    public event Action? Appended;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using (var command = _database.Writer.CreateCommand())
        {
            command.CommandText = "SELECT coalesce(max(id), 0) FROM outbox";
            _lastOutboxId = (long)command.ExecuteScalar()!;
            command.CommandText = "SELECT priority, count(*), total(bytes) FROM outbox GROUP BY priority";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                int priority = Math.Clamp(reader.GetInt32(0), 0, 2);
                _committed.Entries[priority] = reader.GetInt64(1);
                _committed.Bytes[priority] = (long)reader.GetDouble(2);
            }
        }

        _counters.SetContent(_committed.Entries, _committed.Bytes);
        OutboxLog.Opened(_logger, _committed.Entries.Sum(), _committed.TotalBytes, _options.CapacityBytes);
        _acknowledger = new CommitAcknowledger(_logger);
        _thread = new Thread(Run) { IsBackground = true, Name = "outbox-writer" };
        _thread.Start();
        return Task.CompletedTask;
    }

    /// <summary>Commits what is already queued, then stops (the broker has stopped accepting before).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_thread is not null)
        {
            await _stopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _acknowledger?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread?.Join(TimeSpan.FromSeconds(10));
        _acknowledger?.Dispose();
    }

    private void Run()
    {
        using var events = new BoardEventStore(_database.Writer);
        using var outbox = new OutboxStatements(_database.Writer);
        using var sequences = new StoredSequences(_database.Writer);
        var batch = new List<PendingCommit>(_options.MaxBatchMessages);
        Task<bool>? waiting = null;
        try
        {
            while (true)
            {
                batch.Clear();
                while (batch.Count < _options.MaxBatchMessages && _queue.Reader.TryRead(out PendingCommit? item))
                {
                    batch.Add(item);
                }

                if (batch.Count > 0)
                {
                    CommitBatch(batch, events, outbox, sequences);
                    continue;
                }

                waiting ??= _queue.Reader.WaitToReadAsync().AsTask();
                if (!waiting.Wait(HousekeepingInterval))
                {
                    // Idle: still expire telemetry on time, even when no board talks.
                    if (_committed.Entries[(int)OutboxPriority.Telemetry] > 0)
                    {
                        CommitBatch(batch, events, outbox, sequences);
                    }

                    continue;
                }

                bool more = waiting.Result;
                waiting = null;
                if (!more)
                {
                    break;
                }
            }
        }
        finally
        {
            while (_queue.Reader.TryRead(out PendingCommit? late))
            {
                late.Fail(new ObjectDisposedException(nameof(OutboxWriter)));
            }

            _stopped.TrySetResult();
        }
    }

    private void CommitBatch(List<PendingCommit> batch, BoardEventStore events, OutboxStatements outbox, StoredSequences sequences)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        long forwardedUpTo = Interlocked.Read(ref _forwardedUpTo);
        bool expiryDue = now >= _nextExpiryUnixMs;
        var outcomes = new StoreOutcome[batch.Count];
        var tally = new BatchTally();
        _working.CopyFrom(_committed);
        SqliteConnection connection = _database.Writer;
        long began = Stopwatch.GetTimestamp();
        try
        {
            using SqliteTransaction transaction = connection.BeginTransaction();
            outbox.Enlist(transaction);

            // Confirmed entries go first: the room they free is what new ones need.
            if (forwardedUpTo > _deletedUpTo)
            {
                tally.Forwarded = outbox.DeleteForwarded(forwardedUpTo, _working);
            }

            if (expiryDue && _working.Entries[(int)OutboxPriority.Telemetry] > 0)
            {
                tally.Expired = outbox.ExpireTelemetry(now - (_options.TelemetryTtlSeconds * 1000L), _working);
            }

            for (int i = 0; i < batch.Count; i++)
            {
                if (batch[i].Message is not null)
                {
                    outcomes[i] = Commit(batch[i], events, outbox, sequences, ref tally);
                }
            }

            sequences.Save();
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            sequences.Abort();
            // The transaction rolled back as a whole (disposed uncommitted): nothing of the batch is durable,
            // so nothing of it is acknowledged. The boards retry.
            int messages = batch.Count(p => p.Message is not null);
            OutboxLog.BatchFailed(_logger, messages, e);
            _acknowledger!.Fail([.. batch], e);
            return;
        }

        sequences.Commit();
        _stages.WriterTransaction.Record(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        _deletedUpTo = Math.Max(_deletedUpTo, forwardedUpTo);
        if (expiryDue)
        {
            _nextExpiryUnixMs = now + (long)HousekeepingInterval.TotalMilliseconds;
        }

        _committed.CopyFrom(_working);
        _counters.SetContent(_committed.Entries, _committed.Bytes);
        _counters.CountBatch(tally.Appended, tally.Forwarded, tally.Shed, tally.DroppedNew, tally.Expired, tally.Refused);
        if (tally.Appended > 0)
        {
            Appended?.Invoke();
        }

        long committedAt = Stopwatch.GetTimestamp();
        for (int i = 0; i < batch.Count; i++)
        {
            if (batch[i].Message is not null)
            {
                _stages.Committed.Record(Stopwatch.GetElapsedTime(batch[i].ReceivedTimestamp, committedAt).TotalMilliseconds);
            }
        }

        _acknowledger!.Complete([.. batch], outcomes);

        LogPolicy(tally);
    }

    private StoreOutcome Commit(PendingCommit pending, BoardEventStore events, OutboxStatements outbox, StoredSequences sequences, ref BatchTally tally)
    {
        BoardMessage message = pending.Message!;
        if (sequences.Contains(message))
        {
            return StoreOutcome.Duplicate;
        }

        OutboxDraft? draft = pending.Draft;
        bool queue = draft is not null;
        if (draft is not null && _working.TotalBytes + draft.Bytes > _options.CapacityBytes)
        {
            // The overflow policy. 1: the oldest telemetry makes room, whatever arrives.
            while (_working.TotalBytes + draft.Bytes > _options.CapacityBytes && _working.Entries[(int)OutboxPriority.Telemetry] > 0)
            {
                long shed = outbox.ShedOldestTelemetry(16, _working);
                tally.Shed += shed;
                if (shed == 0)
                {
                    break;
                }
            }

            if (_working.TotalBytes + draft.Bytes > _options.CapacityBytes)
            {
                if (draft.Priority == OutboxPriority.Telemetry)
                {
                    // 2: new telemetry is logged locally and acknowledged, but not queued for upstream.
                    queue = false;
                    tally.DroppedNew++;
                }
                else
                {
                    // 3: state changes and alarms are never dropped: refused unacknowledged, the board keeps them.
                    tally.Refused++;
                    return StoreOutcome.OutboxFull;
                }
            }
        }

        if (!events.TryInsertEvent(message, pending.ReceivedAtUnixMs))
        {
            return StoreOutcome.Duplicate;
        }

        sequences.Add(message);
        events.Apply(message, pending.ReceivedAtUnixMs);
        if (queue)
        {
            outbox.Insert(++_lastOutboxId, message.BoardId, draft!, pending.ReceivedAtUnixMs);
            _working.Add(draft!.Priority, draft.Bytes);
            tally.Appended++;
        }

        return StoreOutcome.Applied;
    }

    private void LogPolicy(BatchTally tally)
    {
        if (tally.Refused > 0)
        {
            OutboxLog.Full(_logger, _committed.TotalBytes, _options.CapacityBytes, tally.Refused);
        }

        if (tally.Shed > 0 || tally.DroppedNew > 0)
        {
            OutboxLog.ShedTelemetry(_logger, tally.Shed, tally.DroppedNew);
        }

        if (tally.Expired > 0)
        {
            OutboxLog.Expired(_logger, tally.Expired, _options.TelemetryTtlSeconds);
        }
    }

    private struct BatchTally
    {
        public long Appended;
        public long Forwarded;
        public long Shed;
        public long DroppedNew;
        public long Expired;
        public long Refused;
    }
}
