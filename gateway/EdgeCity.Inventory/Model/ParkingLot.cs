namespace EdgeCity.Inventory;

/// <summary>A parking lot: a group of bays with one tariff, served by one gateway.</summary>
public sealed record ParkingLot
{
    /// <summary>Lot id, unique among lots.</summary>
    public required string Id { get; init; }

    /// <summary>Name shown to drivers.</summary>
    public required string Name { get; init; }

    /// <summary>Street address shown to drivers.</summary>
    public required string Address { get; init; }

    /// <summary>The lot's entrance, used for search and navigation links.</summary>
    public required GeoLocation Location { get; init; }

    /// <summary>Id of the <see cref="Tariff"/> this lot charges.</summary>
    public required string TariffId { get; init; }

    /// <summary>Id of the <see cref="Gateway"/> this lot's bays report to.</summary>
    public required string GatewayId { get; init; }
}
