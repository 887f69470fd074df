using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Storage;

namespace EdgeCity.Gateway.Api;

/// <summary>
/// <c>GET /healthz</c>: 200 when the broker runs and the database answers, 503 otherwise, with the ingest
/// counters, so an operator of a headless gateway sees at a glance what is happening.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (EmbeddedMqttBroker broker, GatewayDatabase database, IngestCounters counters) =>
        {
            string databaseState = ProbeDatabase(database);
            bool healthy = broker.IsRunning && databaseState == "ok";
            var body = new
            {
                status = healthy ? "ok" : "degraded",
                broker = broker.IsRunning ? "running" : "stopped",
                database = databaseState,
                ingest = new
                {
                    accepted = counters.Accepted,
                    duplicates = counters.Duplicates,
                    malformed = counters.Malformed,
                    unknownBoards = counters.UnknownBoards,
                    oversized = counters.Oversized,
                    storeFailures = counters.StoreFailures,
                },
            };
            return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }

    private static string ProbeDatabase(GatewayDatabase database)
    {
        try
        {
            using var connection = database.OpenReader();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM bay_state";
            command.ExecuteScalar();
            return "ok";
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return "error: " + e.Message;
        }
    }
}
