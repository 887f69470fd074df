using EdgeCity.Gateway.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeCity.Gateway.Outbox;

/// <summary>
/// Completes the boards' ingest calls once their batch is durable, on a thread of its own, so the broker's PUBACKs
/// go out from here while the writer already runs the next transaction.
/// </summary>
/// <remarks>
/// Before, each completion was a thread-pool work item: under load it waited behind the boards' own work (hundreds
/// of items at 20,000 events/s) before the PUBACK was sent, and a board that publishes one message at a time waits
/// for that PUBACK before its next event — so every millisecond there is queueing for the board. Here the
/// continuations (MQTTnet sending the PUBACK, then waiting for the board's next packet) run inline, in commit order.
/// </remarks>
internal sealed class CommitAcknowledger : IDisposable
{
    private readonly Queue<Acknowledgement> _queue = new();
    private readonly object _gate = new();
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private bool _stopping;

    public CommitAcknowledger(ILogger logger)
    {
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "outbox-acknowledger" };
        _thread.Start();
    }

    /// <summary>The batch is durable: completes each of its calls with its outcome.</summary>
    public void Complete(PendingCommit[] batch, StoreOutcome[] outcomes) => Enqueue(new Acknowledgement(batch, outcomes, null));

    /// <summary>The batch's transaction failed: nothing of it is durable, each call fails with <paramref name="failure"/>.</summary>
    public void Fail(PendingCommit[] batch, Exception failure) => Enqueue(new Acknowledgement(batch, null, failure));

    /// <summary>Completes what is queued, then stops the thread.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join(TimeSpan.FromSeconds(10));
    }

    private void Enqueue(Acknowledgement acknowledgement)
    {
        lock (_gate)
        {
            _queue.Enqueue(acknowledgement);
            Monitor.Pulse(_gate);
        }
    }

    private void Run()
    {
        while (true)
        {
            Acknowledgement next;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                next = _queue.Dequeue();
            }

            for (int i = 0; i < next.Batch.Length; i++)
            {
                try
                {
                    if (next.Outcomes is { } outcomes)
                    {
                        next.Batch[i].Complete(outcomes[i]);
                    }
                    else
                    {
                        next.Batch[i].Fail(next.Failure!);
                    }
                }
                catch (Exception e)
                {
                    // A continuation that throws must not stop the boards behind it from being acknowledged.
                    OutboxLog.AcknowledgementFailed(_logger, e);
                }
            }
        }
    }

    private sealed record Acknowledgement(PendingCommit[] Batch, StoreOutcome[]? Outcomes, Exception? Failure);
}
