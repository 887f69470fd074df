using System.Numerics;

namespace EdgeCity.Gateway.Storage;

/// <summary>
/// Which sequence numbers of one board's latest boot are stored: every one up to <see cref="Floor"/>, and those
/// marked in a bitmap of the <see cref="Span"/> numbers above it. A board numbers its messages 1, 2, 3, … per
/// boot and sends them nearly in order (the birth on a reconnect overtakes the at most 32 queued messages of
/// the firmware's <c>OfflineQueue</c>), so the floor follows the board and the bitmap holds the few gaps.
/// This replaces a unique index on (board, boot, seq) of the event log for recognising redeliveries: that
/// index put every board's entries on its own B-tree page, so each message of a batch dirtied a page of its
/// own: two thirds of the WAL writes per commit (strace on <c>bench gateway</c>).
/// </summary>
internal sealed class SequenceWindow
{
    /// <summary>Numbers above the floor that are tracked one by one; a message this far behind the board's newest is not expected.</summary>
    public const int Span = 4096;

    private ulong[]? _above;

    /// <summary>The boot these numbers belong to.</summary>
    public long Boot { get; private set; }

    /// <summary>Every sequence number up to this one is stored.</summary>
    public long Floor { get; private set; }

    /// <summary>True when (<paramref name="boot"/>, <paramref name="seq"/>) is stored. Another boot's numbers are not known here: false.</summary>
    public bool Contains(long boot, long seq)
    {
        if (boot != Boot || seq < 0)
        {
            return false;
        }

        long offset = seq - Floor - 1;
        return offset < 0 || (offset < Span && _above is not null && (_above[offset >> 6] & (1UL << (int)(offset & 63))) != 0);
    }

    /// <summary>
    /// Records (<paramref name="boot"/>, <paramref name="seq"/>) as stored. A newer boot starts afresh; an older
    /// boot's numbers are not tracked (such a message is stored again if redelivered: the idempotency key
    /// still names it upstream). A number more than <see cref="Span"/> ahead moves the floor up to it.
    /// </summary>
    public void Add(long boot, long seq)
    {
        if (seq < 0 || boot < Boot)
        {
            return;
        }

        if (boot > Boot)
        {
            Boot = boot;
            Floor = 0;
            _above = null;
        }

        long offset = seq - Floor - 1;
        if (offset < 0)
        {
            return;
        }

        if (offset == 0 && _above is null)
        {
            Floor = seq; // the usual case: the next number, no gaps
            return;
        }

        if (offset >= Span)
        {
            ShiftDown(offset - Span + 1);
            offset = Span - 1;
        }

        _above ??= new ulong[Span / 64];
        _above[offset >> 6] |= 1UL << (int)(offset & 63);
        ShiftDown(CountLeadingStored());
    }

    /// <summary>The bitmap for storage: the words up to the last non-zero one, little-endian (empty without gaps).</summary>
    public byte[] AboveBytes()
    {
        if (_above is null)
        {
            return [];
        }

        int words = _above.Length;
        while (words > 0 && _above[words - 1] == 0)
        {
            words--;
        }

        var bytes = new byte[words * 8];
        for (int i = 0; i < words; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 8), _above[i]);
        }

        return bytes;
    }

    /// <summary>A window as stored by <see cref="AboveBytes"/>.</summary>
    public static SequenceWindow Restore(long boot, long floor, ReadOnlySpan<byte> above)
    {
        var window = new SequenceWindow { Boot = boot, Floor = floor };
        if (above.Length >= 8)
        {
            window._above = new ulong[Span / 64];
            for (int i = 0; i < Math.Min(above.Length / 8, window._above.Length); i++)
            {
                window._above[i] = BitConverter.ToUInt64(above[(i * 8)..]);
            }
        }

        return window;
    }

    /// <summary>A copy to change inside a transaction that may roll back.</summary>
    public SequenceWindow Clone() => new() { Boot = Boot, Floor = Floor, _above = (ulong[]?)_above?.Clone() };

    private long CountLeadingStored()
    {
        long count = 0;
        foreach (ulong word in _above!)
        {
            int ones = BitOperations.TrailingZeroCount(~word);
            count += ones;
            if (ones < 64)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>Moves the floor up by <paramref name="count"/>, dropping those bits.</summary>
    private void ShiftDown(long count)
    {
        if (count <= 0)
        {
            return;
        }

        Floor += count;
        if (_above is null)
        {
            return;
        }

        if (count >= Span)
        {
            _above = null;
            return;
        }

        int words = (int)(count >> 6);
        int bits = (int)(count & 63);
        ulong[] a = _above;
        for (int i = 0; i < a.Length; i++)
        {
            ulong low = i + words < a.Length ? a[i + words] : 0;
            ulong high = i + words + 1 < a.Length ? a[i + words + 1] : 0;
            a[i] = bits == 0 ? low : (low >> bits) | (high << (64 - bits));
        }

        if (Array.TrueForAll(a, w => w == 0))
        {
            _above = null;
        }
    }
}
