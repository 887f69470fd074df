using System.Net;
using EdgeCity.Gateway.Identity;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Api;

/// <summary>
/// Guards <c>/api/…</c> as <see cref="ApiAccessOptions"/> says: a request without a valid bearer token gets 401
/// with what was expected, is counted (<see cref="IdentityCounters.ApiRefused"/>) and logged with its address.
/// The whole API is guarded, reads included: fleet status tells where every board is and how its battery fares.
/// </summary>
public sealed class ApiAccessMiddleware(RequestDelegate next, ApiTokenStore tokens, IOptions<ApiAccessOptions> options, IdentityCounters counters, ILogger<ApiAccessMiddleware> logger)
{
    private const string Expected = "Authorization: Bearer TOKEN, with a token from './edgecity gateway api-token create NAME' run on the gateway";

    /// <summary>Lets the request through or answers 401.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            || (options.Value.TrustLoopback && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)))
        {
            return next(context);
        }

        string? problem = Problem(context.Request.Headers.Authorization.ToString());
        if (problem is null)
        {
            counters.CountApiAccepted();
            return next(context);
        }

        counters.CountApiRefused();
        IdentityLog.ApiRefused(logger, context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "?", problem);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Json(new ApiError(problem, Expected), statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }

    private string? Problem(string authorization)
    {
        if (authorization.Length == 0)
        {
            return "no API token";
        }

        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "the Authorization header is not a bearer token";
        }

        return tokens.Verify(authorization[scheme.Length..].Trim()) is null ? "unknown or revoked API token" : null;
    }
}
