namespace EdgeCity.HardwareSim.World.Shelter;

/// <summary>
/// Which of a shelter's events can be under way at a moment, found in constant time. The stretch is cut into
/// 10 s buckets, each listing the events that overlap it (a flat array with offsets, built once). A month of a
/// stormy shelter has ~25,000 events and rain spells of up to two hours: searching back from the latest start
/// visited hundreds of events for every accelerometer sample and was two thirds of the bench's time.
/// </summary>
internal sealed class ShelterEventIndex
{
    private const double BucketMs = 10_000;

    private readonly double[] _starts;
    private readonly double _originUnixMs;
    private readonly int[] _offsets;
    private readonly int[] _entries;
    private readonly int[] _firstStartingFrom;

    /// <summary>Indexes <paramref name="events"/>, sorted by start, none of which starts before <paramref name="originUnixMs"/>.</summary>
    public ShelterEventIndex(IReadOnlyList<ShelterEvent> events, double originUnixMs)
    {
        _originUnixMs = originUnixMs;
        _starts = new double[events.Count];
        double lastEnd = originUnixMs;
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i].StartUnixMs < originUnixMs || (i > 0 && events[i].StartUnixMs < events[i - 1].StartUnixMs))
            {
                throw new ArgumentException($"event {i} ({events[i].Kind} at {events[i].StartUnixMs}) is before the origin or out of order", nameof(events));
            }

            _starts[i] = events[i].StartUnixMs;
            lastEnd = Math.Max(lastEnd, events[i].EndUnixMs);
        }

        int buckets = (int)((lastEnd - originUnixMs) / BucketMs) + 1;
        _offsets = new int[buckets + 1];
        foreach (var e in events)
        {
            for (int b = BucketOf(e.StartUnixMs); b <= BucketOf(e.EndUnixMs); b++)
            {
                _offsets[b + 1]++;
            }
        }

        for (int b = 0; b < buckets; b++)
        {
            _offsets[b + 1] += _offsets[b];
        }

        _entries = new int[_offsets[buckets]];
        var fill = (int[])_offsets.Clone();
        for (int i = 0; i < events.Count; i++)
        {
            for (int b = BucketOf(events[i].StartUnixMs); b <= BucketOf(events[i].EndUnixMs); b++)
            {
                _entries[fill[b]++] = i;
            }
        }

        _firstStartingFrom = new int[buckets + 1];
        for (int b = 0, i = 0; b <= buckets; b++)
        {
            while (i < _starts.Length && _starts[i] < originUnixMs + (b * BucketMs))
            {
                i++;
            }

            _firstStartingFrom[b] = i;
        }
    }

    /// <summary>Indices of the events that overlap the 10 s around <paramref name="unixMs"/>: every event under way then is among them.</summary>
    public ReadOnlySpan<int> Candidates(double unixMs)
    {
        if (unixMs < _originUnixMs)
        {
            return [];
        }

        double bucket = (unixMs - _originUnixMs) / BucketMs;
        if (bucket >= _offsets.Length - 1)
        {
            return [];
        }

        int b = (int)bucket;
        return _entries.AsSpan(_offsets[b], _offsets[b + 1] - _offsets[b]);
    }

    /// <summary>The first event start after <paramref name="unixMs"/>, or +∞.</summary>
    public double NextStartAfter(double unixMs)
    {
        int i = unixMs < _originUnixMs ? 0
            : _firstStartingFrom[(int)Math.Min(_firstStartingFrom.Length - 1, (unixMs - _originUnixMs) / BucketMs)];
        while (i < _starts.Length && _starts[i] <= unixMs)
        {
            i++;
        }

        return i < _starts.Length ? _starts[i] : double.PositiveInfinity;
    }

    private int BucketOf(double unixMs) => (int)((unixMs - _originUnixMs) / BucketMs);
}
