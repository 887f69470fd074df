namespace EdgeCity.Gateway.Storage;

/// <summary>What committing a board message did.</summary>
public enum StoreOutcome
{
    /// <summary>Stored and applied.</summary>
    Applied,

    /// <summary>Already stored under the same (board, boot, seq): a redelivery, not applied again.</summary>
    Duplicate,
}
