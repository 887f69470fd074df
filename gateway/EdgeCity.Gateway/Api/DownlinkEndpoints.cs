using System.Text.Json;
using EdgeCity.Gateway.Downlink;

namespace EdgeCity.Gateway.Api;

/// <summary>
/// <c>PUT /api/boards/{id}/downlink/{channel}</c> (body: the JSON object to send, retained) and
/// <c>GET /api/boards/{id}/downlink</c> (what each channel holds now).
/// </summary>
public static class DownlinkEndpoints
{
    /// <summary>Maps the downlink endpoints.</summary>
    public static IEndpointRouteBuilder MapDownlinkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/api/boards/{id}/downlink/{channel}", async (string id, string channel, HttpRequest request, BoardDownlink downlink, CancellationToken cancellationToken) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            DownlinkVerdict verdict = await downlink.SendAsync(id, channel, body.ToArray(), cancellationToken).ConfigureAwait(false);
            return verdict.Accepted
                ? Results.Accepted(value: new { topic = verdict.Topic, bytes = body.Length, published = verdict.Published })
                : Results.BadRequest(new ApiError(verdict.Problem!, "PUT a JSON object to /api/boards/{board id}/downlink/{config|schedule|command}"));
        });
        endpoints.MapGet("/api/boards/{id}/downlink", (string id, DownlinkStore store) =>
            Results.Ok(store.Read(id).Select(m => new
            {
                channel = m.Channel,
                topic = m.Topic,
                updatedAt = DateTimeOffset.FromUnixTimeMilliseconds(m.UpdatedAtMs),
                payload = JsonSerializer.Deserialize<JsonElement>(m.Payload),
            })));
        return endpoints;
    }
}
