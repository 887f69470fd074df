using System.Text;

namespace EdgeCity.Gateway.Outbox;

/// <summary>What one board message puts into the outbox: its upstream body, rendered at ingest.</summary>
/// <param name="Priority">How precious it is when the outbox is full.</param>
/// <param name="EventKey">Idempotency key, <c>board:boot:seq</c> (<c>board:boot:will</c> for a last will).</param>
/// <param name="Body">The NGSI-LD entity (JSON).</param>
public sealed record OutboxDraft(OutboxPriority Priority, string EventKey, string Body)
{
    /// <summary>Row overhead counted on top of the body, in bytes: keys, numbers and the SQLite record header.</summary>
    public const int RowOverheadBytes = 64;

    /// <summary>What the entry counts against <see cref="OutboxOptions.CapacityBytes"/>, in bytes.</summary>
    public int Bytes { get; } = Encoding.UTF8.GetByteCount(Body) + EventKey.Length + RowOverheadBytes;
}
