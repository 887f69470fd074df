namespace EdgeCity.Inventory;

/// <summary>The outcome of checking one file: its problems, and the inventory when there are none.</summary>
internal sealed record InventoryCheck(IReadOnlyList<ValidationProblem> Problems, BoardInventory? Inventory);
