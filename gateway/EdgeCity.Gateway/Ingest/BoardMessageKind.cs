namespace EdgeCity.Gateway.Ingest;

/// <summary>The topic kinds under <c>edgecity/{boardId}/</c>.</summary>
public enum BoardMessageKind
{
    /// <summary>Retained birth (online) or last will (offline).</summary>
    Status,

    /// <summary>A state change, e.g. a bay turning occupied.</summary>
    State,

    /// <summary>Periodic health.</summary>
    Heartbeat,
}
