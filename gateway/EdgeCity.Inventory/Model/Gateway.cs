namespace EdgeCity.Inventory;

/// <summary>An edge gateway: the EdgeCity service and the MQTT broker its boards connect to.</summary>
public sealed record Gateway
{
    /// <summary>Gateway id, unique among gateways.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the gateway is installed.</summary>
    public required GeoLocation Location { get; init; }

    /// <summary>TCP port of the MQTT broker, 1 to 65535 (1883 plain, 8883 TLS).</summary>
    public required int MqttPort { get; init; }

    /// <summary>TCP port of the REST API and dashboard, 1 to 65535.</summary>
    public required int HttpPort { get; init; }
}
