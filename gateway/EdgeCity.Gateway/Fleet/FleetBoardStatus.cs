namespace EdgeCity.Gateway.Fleet;

/// <summary>One board as <c>GET /api/fleet</c> and <c>./edgecity fleet status</c> show it.</summary>
/// <param name="BoardId">The board's id from boards.json.</param>
/// <param name="Online">True after a birth message, false after the last will; null when it never connected.</param>
/// <param name="LastContact">When the gateway last heard from it; null when never.</param>
/// <param name="Firmware">Firmware version from its latest birth or heartbeat.</param>
/// <param name="ConfigApplied">Configuration version it runs (0: the flashed file); null when it has not said.</param>
/// <param name="ConfigPending">Version waiting on its config downlink that it has not applied; null when none.</param>
/// <param name="ConfigReport">Its latest configuration report, e.g. "applied 3", "refused 4: signature".</param>
/// <param name="BatteryMillivolts">Battery from its latest heartbeat; null when it has none.</param>
/// <param name="Faults">Faults from its latest heartbeat and report (empty when none).</param>
public sealed record FleetBoardStatus(
    string BoardId,
    bool? Online,
    DateTimeOffset? LastContact,
    string? Firmware,
    int? ConfigApplied,
    int? ConfigPending,
    string? ConfigReport,
    int? BatteryMillivolts,
    IReadOnlyList<string> Faults);
