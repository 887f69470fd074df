using EdgeCity.Gateway.Identity;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Outbox;
using EdgeCity.Gateway.Storage;
using EdgeCity.Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace EdgeCity.Gateway.Api;

/// <summary>
/// <c>GET /healthz</c>: 200 when the broker runs (or the external broker is connected) and the database answers, 503 otherwise, with the ingest
/// counters, the outbox backlog and the upstream state, so an operator of a headless gateway sees at a glance
/// what is happening. An upstream outage alone is not unhealthy (the outbox is doing its job) but shows as
/// <c>"status":"degraded"</c> once the outbox is 90 % full.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (IBoardBroker broker, GatewayDatabase database, IngestCounters counters, IdentityCounters identity,
            OutboxCounters outbox, IOptions<OutboxOptions> outboxOptions, UpstreamCounters upstream, IOptions<UpstreamOptions> upstreamOptions, TimeProvider time) =>
        {
            string databaseState = ProbeDatabase(database, out long? oldestUnixMs);
            bool healthy = broker.IsRunning && databaseState == "ok";
            bool full = outbox.TotalBytes >= outboxOptions.Value.CapacityBytes * 9 / 10;
            long now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var body = new
            {
                status = !healthy || full ? "degraded" : "ok",
                broker = broker.IsRunning ? "running" : "stopped",
                brokerMode = broker.Mode,
                database = databaseState,
                ingest = new
                {
                    accepted = counters.Accepted,
                    duplicates = counters.Duplicates,
                    malformed = counters.Malformed,
                    unknownBoards = counters.UnknownBoards,
                    oversized = counters.Oversized,
                    topicViolations = counters.TopicViolations,
                    storeFailures = counters.StoreFailures,
                    outboxFull = counters.OutboxFull,
                    refusedConnections = identity.Refused,
                },
                outbox = new
                {
                    entries = outbox.TotalEntries,
                    bytes = outbox.TotalBytes,
                    capacityBytes = outboxOptions.Value.CapacityBytes,
                    oldestAgeS = oldestUnixMs is { } oldest ? Math.Max(0, (now - oldest) / 1000.0) : 0,
                    alarms = outbox.Entries(OutboxPriority.Alarm),
                    stateChanges = outbox.Entries(OutboxPriority.StateChange),
                    telemetry = outbox.Entries(OutboxPriority.Telemetry),
                    droppedTelemetry = outbox.ShedTelemetry + outbox.DroppedNewTelemetry + outbox.ExpiredTelemetry,
                    refusedFull = outbox.RefusedFull,
                },
                upstream = new
                {
                    kind = upstreamOptions.Value.Kind.ToString(),
                    state = upstreamOptions.Value.Kind == UpstreamKind.None ? "off" : upstream.Connected ? "connected" : "disconnected",
                    confirmed = upstream.EntitiesConfirmed,
                    failures = upstream.Failures,
                    lastConfirmedAgeS = upstream.LastConfirmedUnixMs == 0 ? (double?)null : (now - upstream.LastConfirmedUnixMs) / 1000.0,
                },
            };
            return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }

    private static string ProbeDatabase(GatewayDatabase database, out long? oldestUnixMs)
    {
        oldestUnixMs = null;
        try
        {
            using var connection = database.OpenReader();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT received_at_ms FROM outbox ORDER BY id LIMIT 1)";
            oldestUnixMs = command.ExecuteScalar() is long ms ? ms : null;
            return "ok";
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return "error: " + e.Message;
        }
    }
}
