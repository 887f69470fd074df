using EdgeCity.Inventory;

namespace EdgeCity.Gateway.Parking;

/// <summary>Builds the <see cref="BayDirectory"/> from boards.json (validated; a broken file stops the start).</summary>
public static class BayDirectoryLoader
{
    /// <summary>Loads and validates <paramref name="inventoryPath"/>.</summary>
    public static BayDirectory Load(string inventoryPath)
    {
        BoardInventory inventory = BoardInventoryLoader.Load(inventoryPath);
        return FromInventory(inventory);
    }

    /// <summary>The bays and board ids of an inventory already loaded.</summary>
    public static BayDirectory FromInventory(BoardInventory inventory) =>
        new(inventory.Bays.Select(b => new KnownBay(b.Id, b.LotId, b.Label)), inventory.AllBoardIds);
}
