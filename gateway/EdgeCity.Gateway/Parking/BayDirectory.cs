namespace EdgeCity.Gateway.Parking;

/// <summary>The bays and boards this gateway serves, loaded once from boards.json at start.</summary>
public sealed class BayDirectory
{
    private readonly Dictionary<string, KnownBay> _bays;
    private readonly HashSet<string> _boardIds;

    /// <summary>Creates the directory from the inventory's bays and the ids of all its boards.</summary>
    public BayDirectory(IEnumerable<KnownBay> bays, IEnumerable<string> allBoardIds)
    {
        Bays = bays.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        _bays = Bays.ToDictionary(b => b.Id, StringComparer.Ordinal);
        _boardIds = new HashSet<string>(allBoardIds, StringComparer.Ordinal);
        _boardIds.UnionWith(_bays.Keys);
    }

    /// <summary>All bays, ordered by id.</summary>
    public IReadOnlyList<KnownBay> Bays { get; }

    /// <summary>Every board of the inventory (bays, shelters, cameras), ordered by id.</summary>
    public IReadOnlyList<string> BoardIds => _boardIds.Order(StringComparer.Ordinal).ToList();

    /// <summary>True when <paramref name="boardId"/> is any board of the inventory.</summary>
    public bool IsKnownBoard(string boardId) => _boardIds.Contains(boardId);

    /// <summary>Finds a bay by id.</summary>
    public bool TryGetBay(string bayId, out KnownBay bay) => _bays.TryGetValue(bayId, out bay!);
}
