namespace EdgeCity.Anpr.Reading;

/// <summary>
/// The runs of ink (horizontal spans of non-zero pixels) of a binary image, in row order, and which of them are joined
/// into one component (union-find, the smaller index the root). <see cref="Next"/> finds a row's runs with vectorised
/// span searches (the next ink, then the next gap) instead of visiting each pixel.
/// </summary>
internal sealed class InkRuns(int capacity)
{
    public int[] Y = new int[capacity];
    public int[] X0 = new int[capacity];
    public int[] X1 = new int[capacity];
    private int[] _parent = new int[capacity];

    public int Count { get; private set; }

    /// <summary>
    /// The first run of ink in <paramref name="row"/> at or after column <paramref name="from"/>: its first column
    /// (<paramref name="start"/>) and the column after its last (<paramref name="end"/>); false when there is none.
    /// </summary>
    public static bool Next(ReadOnlySpan<byte> row, int from, out int start, out int end)
    {
        int first = from < row.Length ? row[from..].IndexOfAnyExcept((byte)0) : -1;
        if (first < 0)
        {
            start = end = row.Length;
            return false;
        }

        start = from + first;
        int length = row[start..].IndexOf((byte)0);
        end = length < 0 ? row.Length : start + length;
        return true;
    }

    /// <summary>Adds the run of row <paramref name="y"/> over columns <paramref name="x0"/> … <paramref name="x1"/> (inclusive), a component of its own; its index.</summary>
    public int Add(int y, int x0, int x1)
    {
        if (Count == Y.Length)
        {
            Array.Resize(ref Y, Count * 2);
            Array.Resize(ref X0, Count * 2);
            Array.Resize(ref X1, Count * 2);
            Array.Resize(ref _parent, Count * 2);
        }

        Y[Count] = y;
        X0[Count] = x0;
        X1[Count] = x1;
        _parent[Count] = Count;
        return Count++;
    }

    /// <summary>The root of run <paramref name="i"/>'s component: the smallest index among its runs.</summary>
    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }

    /// <summary>Joins the components of runs <paramref name="a"/> and <paramref name="b"/>.</summary>
    public void Union(int a, int b)
    {
        int ra = Find(a), rb = Find(b);
        if (ra == rb) return;
        if (ra < rb) _parent[rb] = ra;
        else _parent[ra] = rb;
    }
}
