namespace EdgeCity.Gateway.Parking;

/// <summary>One bay as the API shows it.</summary>
/// <param name="Id">Bay (sensor board) id.</param>
/// <param name="LotId">Parking lot id.</param>
/// <param name="Label">Bay label.</param>
/// <param name="State"><c>occupied</c>, <c>free</c>, or <c>unknown</c> before the sensor reported.</param>
/// <param name="ChangedAt">When the sensor observed the last state change (its clock), or null.</param>
/// <param name="ReceivedAt">When the gateway committed that change, or null.</param>
/// <param name="SensorOnline">Whether the sensor board's session is up (from birth / last will), or null if never seen.</param>
/// <param name="LastSeenAt">When the gateway last heard from the sensor, or null.</param>
public sealed record BayView(
    string Id,
    string LotId,
    string Label,
    string State,
    DateTimeOffset? ChangedAt,
    DateTimeOffset? ReceivedAt,
    bool? SensorOnline,
    DateTimeOffset? LastSeenAt);
