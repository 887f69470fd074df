namespace EdgeCity.Gateway.Storage;

/// <summary>What committing a board message did.</summary>
public enum StoreOutcome
{
    /// <summary>Stored and applied (and queued for upstream, unless the overflow policy shed it).</summary>
    Applied,

    /// <summary>Already stored under the same (board, boot, seq): a redelivery, not applied again.</summary>
    Duplicate,

    /// <summary>
    /// Not stored: the outbox is full of state changes and alarms, which are never dropped. The board is not
    /// acknowledged, keeps the message and retries.
    /// </summary>
    OutboxFull,
}
