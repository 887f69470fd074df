namespace EdgeCity.DeliveryRig;

/// <summary>How the rig's boards publish.</summary>
public sealed class BoardLoadOptions
{
    /// <summary>Events per second per board; null publishes the next one as soon as the last is acknowledged.</summary>
    public double? EventsPerSecondPerBoard { get; init; }

    /// <summary>The boot counter every message carries.</summary>
    public int Boot { get; init; } = 1;

    /// <summary>Per-board credentials (user name = board id), or null to connect without (loopback development mode).</summary>
    public IReadOnlyDictionary<string, string>? Secrets { get; init; }

    /// <summary>Wait after a failed connect or publish before trying again, in ms.</summary>
    public int RetryDelayMs { get; init; } = 50;
}
