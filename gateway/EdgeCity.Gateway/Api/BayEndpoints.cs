using EdgeCity.Gateway.Parking;

namespace EdgeCity.Gateway.Api;

/// <summary><c>GET /api/bays</c> and <c>GET /api/bays/{id}</c>: each bay's state and when it last changed.</summary>
public static class BayEndpoints
{
    /// <summary>Maps the bay endpoints.</summary>
    public static IEndpointRouteBuilder MapBayEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/bays", (BayStateReader reader) => Results.Ok(reader.ReadAll()));
        endpoints.MapGet("/api/bays/{id}", (string id, BayStateReader reader) =>
            reader.Read(id) is { } bay
                ? Results.Ok(bay)
                : Results.NotFound(new ApiError($"bay '{id}' is not in this gateway's inventory", "a bay id from GET /api/bays")));
        return endpoints;
    }
}
