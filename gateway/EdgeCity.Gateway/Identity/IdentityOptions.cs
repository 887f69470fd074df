namespace EdgeCity.Gateway.Identity;

/// <summary>
/// How boards prove who they are to the embedded broker (section <c>Gateway:Identity</c>): a per-board secret
/// from provisioning. A boolean switch only, so there is nothing to validate.
/// </summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway:Identity";

    /// <summary>
    /// Development only (demo, tests, benchmarks on one machine): a client connecting from a loopback address
    /// without credentials is let in as the board its client id names; the topic ACL and the inventory check
    /// still apply, and credentials that are given are still checked. Never reachable from the network.
    /// </summary>
    public bool AllowUnprovisionedOnLoopback { get; set; }
}
