namespace EdgeCity.Inventory;

/// <summary>A bus shelter and its BIT (bus information terminal) board.</summary>
public sealed record Shelter
{
    /// <summary>Board id, unique across bays, shelters and cameras; also the board's MQTT client id.</summary>
    public required string Id { get; init; }

    /// <summary>The city BIS stop number (Incheon uses 5 digits).</summary>
    public required string StopId { get; init; }

    /// <summary>Stop name shown to riders.</summary>
    public required string Name { get; init; }

    /// <summary>Where the shelter stands.</summary>
    public required GeoLocation Location { get; init; }

    /// <summary>Id of the <see cref="Gateway"/> this board reports to.</summary>
    public required string GatewayId { get; init; }

    /// <summary>The arrival display.</summary>
    public required ShelterDisplay Display { get; init; }

    /// <summary>Exactly one accelerometer, optionally a light sensor and a PIR.</summary>
    public required IReadOnlyList<Sensor> Sensors { get; init; }

    /// <summary>The stop's first and last bus, pushed to the board; null keeps the board's default (05:30–23:30).</summary>
    public ServiceHours? ServiceHours { get; init; }
}
