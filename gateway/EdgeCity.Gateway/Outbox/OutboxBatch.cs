using System.Buffers;

namespace EdgeCity.Gateway.Outbox;

/// <summary>
/// Outbox entries read for one upstream send: their NGSI-LD bodies as one JSON array (the batch-upsert body) in a
/// buffer rented from <see cref="ArrayPool{T}.Shared"/> — a batch is often over 85 KB, and a fresh array per batch
/// would land on the large object heap — which <see cref="Return"/> gives back once the send is over.
/// </summary>
public sealed class OutboxBatch
{
    private byte[]? _buffer;

    private readonly long[] _receivedAtUnixMs;

    internal OutboxBatch(byte[] buffer, int length, int count, long lastId, long[] receivedAtUnixMs)
    {
        _receivedAtUnixMs = receivedAtUnixMs;
        _buffer = buffer;
        Body = buffer.AsMemory(0, length);
        Count = count;
        LastId = lastId;
    }

    /// <summary>The JSON array of the entities, UTF-8.</summary>
    public ReadOnlyMemory<byte> Body { get; private set; }

    /// <summary>Entries in the batch.</summary>
    public int Count { get; }

    /// <summary>The id of its last entry: confirming the batch confirms every entry up to it.</summary>
    public long LastId { get; }

    /// <summary>
    /// When each entry's publish reached the gateway (Unix ms), in batch order: for the stage latencies. Unlike
    /// <see cref="Body"/>, it stays valid after <see cref="Return"/>.
    /// </summary>
    public ReadOnlyMemory<long> ReceivedAtUnixMs => _receivedAtUnixMs.AsMemory(0, Count);

    /// <summary>Gives the buffer back; call once nothing uses <see cref="Body"/> any more (the send completed or failed).</summary>
    public void Return()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            Body = ReadOnlyMemory<byte>.Empty;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
