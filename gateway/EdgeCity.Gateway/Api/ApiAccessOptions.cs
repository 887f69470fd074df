namespace EdgeCity.Gateway.Api;

/// <summary>
/// Who may use <c>/api/…</c> (section <c>Gateway:Api</c>). Requests need <c>Authorization: Bearer TOKEN</c> with a
/// token from <see cref="ApiTokenStore"/>, except from the gateway itself when <see cref="TrustLoopback"/>.
/// <c>/healthz</c> and <c>/metrics</c> stay open: they are for monitoring and change nothing.
/// </summary>
public sealed class ApiAccessOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway:Api";

    /// <summary>
    /// Requests from a loopback address need no token (default true): whoever has a shell on the gateway can read
    /// its database anyway. Turn it off when a reverse proxy on the same machine forwards requests from the
    /// network, because those arrive from loopback too.
    /// </summary>
    public bool TrustLoopback { get; set; } = true;
}
