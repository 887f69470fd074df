namespace EdgeCity.Gateway.Parking;

/// <summary>A bay this gateway serves, from the board inventory.</summary>
/// <param name="Id">The bay's sensor board id (its MQTT identity).</param>
/// <param name="LotId">The parking lot it belongs to.</param>
/// <param name="Label">The number painted on the bay, e.g. <c>A-012</c>.</param>
public sealed record KnownBay(string Id, string LotId, string Label);
