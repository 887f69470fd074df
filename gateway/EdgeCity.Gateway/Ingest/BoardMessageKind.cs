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
    /// A board's answer to a downlink message (<c>edgecity/{boardId}/report</c>), e.g. a numbered command
    /// started or done: logged in <c>board_events</c> with the rest.
    /// </summary>
    Report,
}
