namespace EdgeCity.DeliveryRig;

/// <summary>How the rig's boards publish.</summary>
public sealed class BoardLoadOptions
{
    /// <summary>Events per second per board; null publishes the next one as soon as the last is acknowledged.</summary>
    public double? EventsPerSecondPerBoard { get; init; }

    /// <summary>
    /// With a rate: whether the gaps between a board's events are random (exponential, so the fleet's events form
    /// a Poisson stream, as bay changes from independent drivers do) rather than even. Each event's <c>ts</c> is
    /// then its scheduled moment, not when it could be sent: a board held up by a slow PUBACK counts the delay
    /// (no coordinated omission).
    /// </summary>
    public bool PoissonArrivals { get; init; }

    /// <summary>Seed of the random gaps (board i uses a generator seeded from it and i).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The boot counter every message carries.</summary>
    public int Boot { get; init; } = 1;

    /// <summary>Per-board credentials (user name = board id), or null to connect without (loopback development mode).</summary>
    public IReadOnlyDictionary<string, string>? Secrets { get; init; }

    /// <summary>Wait after a failed connect or publish before trying again, in ms.</summary>
    public int RetryDelayMs { get; init; } = 50;
}
