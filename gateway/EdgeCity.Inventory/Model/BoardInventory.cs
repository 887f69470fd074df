using System.Text.Json.Serialization;

namespace EdgeCity.Inventory;

/// <summary>
/// The contents of boards.json: every street board EdgeCity runs (parking bays, shelters, cameras) and the
/// gateways, tariffs and lots they belong to. Load it with <see cref="BoardInventoryLoader"/>, which validates
/// first, so every id a query follows here is known to exist.
/// </summary>
public sealed record BoardInventory
{
    /// <summary>The deployment this inventory describes.</summary>
    public required Site Site { get; init; }

    /// <summary>Edge gateways; each runs the MQTT broker its boards connect to.</summary>
    public required IReadOnlyList<Gateway> Gateways { get; init; }

    /// <summary>Parking tariffs that lots refer to.</summary>
    public required IReadOnlyList<Tariff> Tariffs { get; init; }

    /// <summary>Parking lots; each bay belongs to one.</summary>
    public required IReadOnlyList<ParkingLot> ParkingLots { get; init; }

    /// <summary>Parking bays, one sensor board each.</summary>
    public required IReadOnlyList<Bay> Bays { get; init; }

    /// <summary>Bus shelters, one BIT board each.</summary>
    public required IReadOnlyList<Shelter> Shelters { get; init; }

    /// <summary>Street cameras.</summary>
    public required IReadOnlyList<Camera> Cameras { get; init; }

    /// <summary>Ids of every board (bays, then shelters, then cameras): the MQTT client ids the gateway accepts.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AllBoardIds =>
        [.. Bays.Select(b => b.Id), .. Shelters.Select(s => s.Id), .. Cameras.Select(c => c.Id)];

    /// <summary>Number of boards: bays + shelters + cameras.</summary>
    [JsonIgnore]
    public int BoardCount => Bays.Count + Shelters.Count + Cameras.Count;

    /// <summary>The bays of lot <paramref name="lotId"/>, in file order; empty for an unknown lot.</summary>
    public IReadOnlyList<Bay> BaysInLot(string lotId) => [.. Bays.Where(b => b.LotId == lotId)];

    /// <summary>The bay whose board id is <paramref name="id"/>, or null.</summary>
    public Bay? FindBay(string id) => Bays.FirstOrDefault(b => b.Id == id);

    /// <summary>The shelter whose board id is <paramref name="id"/>, or null.</summary>
    public Shelter? FindShelter(string id) => Shelters.FirstOrDefault(s => s.Id == id);

    /// <summary>The camera whose board id is <paramref name="id"/>, or null.</summary>
    public Camera? FindCamera(string id) => Cameras.FirstOrDefault(c => c.Id == id);

    /// <summary>The lot with id <paramref name="id"/>, or null.</summary>
    public ParkingLot? FindLot(string id) => ParkingLots.FirstOrDefault(l => l.Id == id);

    /// <summary>The tariff with id <paramref name="id"/>, or null.</summary>
    public Tariff? FindTariff(string id) => Tariffs.FirstOrDefault(t => t.Id == id);

    /// <summary>The gateway with id <paramref name="id"/>, or null.</summary>
    public Gateway? FindGateway(string id) => Gateways.FirstOrDefault(g => g.Id == id);

    /// <summary>The lot <paramref name="bay"/> belongs to.</summary>
    /// <exception cref="KeyNotFoundException">The lot does not exist (the inventory was not validated).</exception>
    public ParkingLot LotOf(Bay bay)
    {
        ArgumentNullException.ThrowIfNull(bay);
        return FindLot(bay.LotId) ?? throw new KeyNotFoundException($"Bay '{bay.Id}' refers to lot '{bay.LotId}', which does not exist.");
    }

    /// <summary>The tariff <paramref name="lot"/> charges.</summary>
    /// <exception cref="KeyNotFoundException">The tariff does not exist (the inventory was not validated).</exception>
    public Tariff TariffOf(ParkingLot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return FindTariff(lot.TariffId) ?? throw new KeyNotFoundException($"Lot '{lot.Id}' refers to tariff '{lot.TariffId}', which does not exist.");
    }

    /// <summary>
    /// Id of the gateway board <paramref name="boardId"/> reports to (a bay through its lot), or null when no
    /// board has that id.
    /// </summary>
    public string? GatewayIdOf(string boardId) =>
        FindBay(boardId) is { } bay ? FindLot(bay.LotId)?.GatewayId
        : FindShelter(boardId)?.GatewayId ?? FindCamera(boardId)?.GatewayId;

    /// <summary>Ids of the boards that report to gateway <paramref name="gatewayId"/>, bays first.</summary>
    public IReadOnlyList<string> BoardIdsOnGateway(string gatewayId)
    {
        var lotIds = ParkingLots.Where(l => l.GatewayId == gatewayId).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. Bays.Where(b => lotIds.Contains(b.LotId)).Select(b => b.Id),
            .. Shelters.Where(s => s.GatewayId == gatewayId).Select(s => s.Id),
            .. Cameras.Where(c => c.GatewayId == gatewayId).Select(c => c.Id),
        ];
    }
}
