namespace EdgeCity.Inventory;

/// <summary>A parking bay and its sensor board.</summary>
public sealed record Bay
{
    /// <summary>Board id, unique across bays, shelters and cameras; also the board's MQTT client id.</summary>
    public required string Id { get; init; }

    /// <summary>Id of the <see cref="ParkingLot"/> this bay belongs to.</summary>
    public required string LotId { get; init; }

    /// <summary>Label painted on the bay, unique within its lot, e.g. "A-001".</summary>
    public required string Label { get; init; }

    /// <summary>Centre of the bay.</summary>
    public required GeoLocation Location { get; init; }

    /// <summary>Board program to flash; "parking-sensor".</summary>
    public required string Firmware { get; init; }

    /// <summary>Exactly one magnetometer, optionally a distance sensor and a battery ADC.</summary>
    public required IReadOnlyList<Sensor> Sensors { get; init; }
}
