using System.Text;

namespace EdgeCity.Gateway.Outbox;

/// <summary>What one board message puts into the outbox: its upstream body, rendered at ingest.</summary>
/// <param name="Priority">How precious it is when the outbox is full.</param>
/// <param name="EventKey">Idempotency key, <c>board:boot:seq</c> (<c>board:boot:will</c> for a last will).</param>
/// <param name="Utf8Body">The NGSI-LD entity, JSON in UTF-8: stored and forwarded as these bytes.</param>
public sealed record OutboxDraft(OutboxPriority Priority, string EventKey, ReadOnlyMemory<byte> Utf8Body)
{
    /// <summary>Row overhead counted on top of the body, in bytes: keys, numbers and the SQLite record header.</summary>
    public const int RowOverheadBytes = 64;

    /// <summary>What the entry counts against <see cref="OutboxOptions.CapacityBytes"/>, in bytes.</summary>
    public int Bytes { get; } = Utf8Body.Length + EventKey.Length + RowOverheadBytes;

    /// <summary>The entity as text (for logs and tests).</summary>
    public string Body => Encoding.UTF8.GetString(Utf8Body.Span);
}
