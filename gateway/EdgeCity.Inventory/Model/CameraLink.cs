namespace EdgeCity.Inventory;

/// <summary>A road from one camera to another, as driven (links are directed).</summary>
public sealed record CameraLink
{
    /// <summary>Id of the <see cref="Camera"/> the road leads to.</summary>
    public required string To { get; init; }

    /// <summary>Road distance in metres (more than 0).</summary>
    public required double DistanceM { get; init; }

    /// <summary>Typical travel time in seconds (more than 0).</summary>
    public required double TravelTimeS { get; init; }
}
