namespace EdgeCity.Inventory;

/// <summary>A street camera and the roads to its neighbours.</summary>
public sealed record Camera
{
    /// <summary>Board id, unique across bays, shelters and cameras; also the board's MQTT client id.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name, usually the junction.</summary>
    public required string Name { get; init; }

    /// <summary>Where the camera is mounted.</summary>
    public required GeoLocation Location { get; init; }

    /// <summary>Direction the camera looks, in degrees clockwise from north, 0 to below 360.</summary>
    public required double HeadingDeg { get; init; }

    /// <summary>The camera's rtsp:// or rtsps:// stream.</summary>
    public required string StreamUrl { get; init; }

    /// <summary>Id of the <see cref="Gateway"/> this camera reports to.</summary>
    public required string GatewayId { get; init; }

    /// <summary>Roads to neighbouring cameras; empty when none are known.</summary>
    public IReadOnlyList<CameraLink> Links { get; init; } = [];
}
