using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace EdgeCity.DeliveryRig;

/// <summary>
/// What reached the city platform, kept compactly: board ids interned once, first arrivals as structs in one list,
/// the keys seen as value tuples. The recorder shares the bench machine's cores with the gateway it measures and
/// keeps a million events per run: a string key and a record object per event cost it more CPU (allocation and
/// garbage collection over a growing heap) than the parsing. Thread-safe.
/// </summary>
internal sealed class ArrivalLog
{
    private readonly object _gate = new();
    private readonly List<string> _boards = [];
    private readonly Dictionary<string, int> _boardIndex = new(StringComparer.Ordinal);
    private readonly HashSet<(int Board, long Boot, long Seq)> _seen;
    private readonly List<Arrival> _firstArrivals;
    private long _received;

    /// <summary>
    /// A log with room for <paramref name="expectedEvents"/> (0: grows as needed). Sized up front, the set and the
    /// list never grow under load: growing a set of a million keys held the lock, and so every arrival, for tens of
    /// ms, and showed up in the p99 being measured.
    /// </summary>
    public ArrivalLog(int expectedEvents = 0)
    {
        _seen = new HashSet<(int Board, long Boot, long Seq)>(expectedEvents);
        _firstArrivals = new List<Arrival>(expectedEvents);
    }

    /// <summary>Events received, duplicates included.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Distinct events received.</summary>
    public int Distinct
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Records an event keyed <c>board:boot:seq</c> as UTF-8 (a last will's <c>board:boot:will</c> is ignored).</summary>
    public void Record(ReadOnlySpan<byte> key, long observedAtUnixMs, long arrivedAtUnixMs)
    {
        int last = key.LastIndexOf((byte)':');
        int middle = last > 0 ? key[..last].LastIndexOf((byte)':') : -1;
        if (middle <= 0
            || !Utf8Parser.TryParse(key[(middle + 1)..last], out long boot, out int bootBytes) || bootBytes != last - middle - 1
            || !Utf8Parser.TryParse(key[(last + 1)..], out long seq, out int seqBytes) || seqBytes != key.Length - last - 1)
        {
            return;
        }

        Span<char> board = stackalloc char[Encoding.UTF8.GetMaxCharCount(middle)];
        board = board[..Encoding.UTF8.GetChars(key[..middle], board)];
        Record(board, boot, seq, observedAtUnixMs, arrivedAtUnixMs);
    }

    /// <summary>Records an event of board <paramref name="board"/>.</summary>
    public void Record(ReadOnlySpan<char> board, long boot, long seq, long observedAtUnixMs, long arrivedAtUnixMs)
    {
        Interlocked.Increment(ref _received);
        lock (_gate)
        {
            int index = IndexOf(board);
            if (_seen.Add((index, boot, seq)))
            {
                _firstArrivals.Add(new Arrival(index, boot, seq, observedAtUnixMs, arrivedAtUnixMs));
            }
        }
    }

    /// <summary>The keys of <paramref name="expected"/> (<c>board:boot:seq</c>) that have not arrived.</summary>
    public List<string> Missing(IEnumerable<string> expected)
    {
        lock (_gate)
        {
            var missing = new List<string>();
            var lookup = _boardIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (string key in expected)
            {
                ReadOnlySpan<char> text = key;
                int last = text.LastIndexOf(':');
                int middle = last > 0 ? text[..last].LastIndexOf(':') : -1;
                bool arrived = middle > 0
                    && lookup.TryGetValue(text[..middle], out int board)
                    && long.TryParse(text[(middle + 1)..last], NumberStyles.None, CultureInfo.InvariantCulture, out long boot)
                    && long.TryParse(text[(last + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out long seq)
                    && _seen.Contains((board, boot, seq));
                if (!arrived)
                {
                    missing.Add(key);
                }
            }

            return missing;
        }
    }

    /// <summary>Where a board's first arrivals were out of order (boot, seq not increasing); one line each.</summary>
    public List<string> OrderViolations()
    {
        lock (_gate)
        {
            var problems = new List<string>();
            var previous = new Dictionary<int, Arrival>();
            foreach (Arrival a in _firstArrivals)
            {
                if (previous.TryGetValue(a.Board, out Arrival p) && (a.Boot < p.Boot || (a.Boot == p.Boot && a.Seq <= p.Seq)))
                {
                    problems.Add($"{_boards[a.Board]}: {_boards[a.Board]}:{a.Boot}:{a.Seq} arrived after {_boards[p.Board]}:{p.Boot}:{p.Seq}");
                }

                previous[a.Board] = a;
            }

            return problems;
        }
    }

    /// <summary>First arrivals, in arrival order.</summary>
    public List<DeliveredEvent> FirstArrivals()
    {
        lock (_gate)
        {
            return _firstArrivals.Select(a => new DeliveredEvent(_boards[a.Board], a.Boot, a.Seq, a.ObservedAtUnixMs, a.ArrivedAtUnixMs)).ToList();
        }
    }

    private int IndexOf(ReadOnlySpan<char> board)
    {
        if (!_boardIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(board, out int index))
        {
            index = _boards.Count;
            string id = board.ToString();
            _boards.Add(id);
            _boardIndex[id] = index;
        }

        return index;
    }

    private readonly record struct Arrival(int Board, long Boot, long Seq, long ObservedAtUnixMs, long ArrivedAtUnixMs);
}
