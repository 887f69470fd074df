using EdgeCity.Gateway.Fleet;

namespace EdgeCity.Gateway.Api;

/// <summary><c>GET /api/fleet</c>: every board of the inventory with contact, firmware, configuration, battery, faults.</summary>
public static class FleetEndpoints
{
    /// <summary>Maps the fleet endpoint.</summary>
    public static IEndpointRouteBuilder MapFleetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/fleet", (FleetStatusReader reader) => Results.Ok(reader.ReadAll()));
        return endpoints;
    }
}
