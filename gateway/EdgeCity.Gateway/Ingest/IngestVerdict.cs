namespace EdgeCity.Gateway.Ingest;

/// <summary>What the broker does with a board's publish after ingest looked at it.</summary>
public enum IngestVerdict
{
    /// <summary>Durable (or a recognised duplicate): acknowledge it.</summary>
    Accepted,

    /// <summary>
    /// Bad input that a retry cannot fix (malformed, oversized, unknown board, topic violation): answer with an
    /// error reason (MQTT 5) and do not route it. Counted and logged.
    /// </summary>
    Refused,

    /// <summary>
    /// Good input the gateway could not store now (database error, outbox full of state changes and alarms):
    /// close the connection without PUBACK, so the board keeps the message and sends it again.
    /// </summary>
    RetryLater,
}
