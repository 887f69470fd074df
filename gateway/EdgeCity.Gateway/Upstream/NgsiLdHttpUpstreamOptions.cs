namespace EdgeCity.Gateway.Upstream;

/// <summary>An NGSI-LD context broker (section <c>Gateway:Upstream:NgsiLd</c>).</summary>
public sealed class NgsiLdHttpUpstreamOptions
{
    /// <summary>The broker's base URL, e.g. <c>https://context.city.example</c>; the gateway posts to
    /// <c>/ngsi-ld/v1/entityOperations/upsert</c> under it.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The NGSI-LD tenant (header <c>NGSILD-Tenant</c>), if the broker is multi-tenant.</summary>
    public string? Tenant { get; set; }

    /// <summary>How long one batch request may take, in seconds (1–300).</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;
}
