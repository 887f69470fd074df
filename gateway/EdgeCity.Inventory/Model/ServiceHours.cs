namespace EdgeCity.Inventory;

/// <summary>A stop's service day: first and last bus, local time as <c>HH:MM</c> (a last bus before the first is after midnight).</summary>
public sealed record ServiceHours
{
    /// <summary>First bus, <c>HH:MM</c>.</summary>
    public required string FirstBus { get; init; }

    /// <summary>Last bus, <c>HH:MM</c>.</summary>
    public required string LastBus { get; init; }
}
