namespace EdgeCity.Gateway.Ingest;

/// <summary>The topic kinds under <c>edgecity/{boardId}/</c>: status, state, heartbeat, alarm, report.</summary>
public enum BoardMessageKind
{
    /// <summary>Retained birth (online) or last will (offline).</summary>
    Status,

    /// <summary>A state change, e.g. a bay turning occupied.</summary>
    State,

    /// <summary>Periodic health.</summary>
    Heartbeat,

    /// <summary>
    /// A shelter alarm (<c>edgecity/{boardId}/alarm</c>): shock, vandalism, tilt, free fall. Never dropped by
    /// the outbox; forwarded upstream as an <c>Alert</c>.
    /// </summary>
    Alarm,

    /// <summary>
    /// The board's answer to a downlink message (<c>edgecity/{boardId}/report</c>): for a pushed configuration
    /// <c>"config": "applied" | "refused" | "rolled-back"</c> with <c>version</c>, <c>appliedVersion</c> and
    /// <c>reason</c>. Stored, shown by <c>GET /api/fleet</c>, forwarded upstream as a Device update.
    /// </summary>
    Report,
}
