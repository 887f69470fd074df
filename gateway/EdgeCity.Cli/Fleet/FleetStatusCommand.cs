using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeCity.Cli.GatewayApi;
using EdgeCity.Gateway.Fleet;

namespace EdgeCity.Cli.Fleet;

/// <summary>
/// <c>./edgecity fleet status [--gateway URL] [--json]</c>: every board of the gateway's inventory with its last
/// contact, firmware, configuration version (applied, and pending when a push waits), battery and faults, from the
/// gateway's <c>GET /api/fleet</c>. A table for a person; <c>--json</c> for scripts.
/// </summary>
public static class FleetStatusCommand
{
    /// <summary>Exit code: the gateway could not be asked.</summary>
    public const int GatewayUnreachable = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Creates the <c>fleet</c> command with its <c>status</c> subcommand.</summary>
    public static Command Create()
    {
        var gateway = new Option<string>("--gateway") { Description = "The gateway's API", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var json = new Option<bool>("--json") { Description = "Print JSON (one object per board) instead of a table" };
        var token = new Option<string?>("--token") { Description = "The gateway API's token (default: " + GatewayApiToken.EnvironmentVariable + "; none needed on the gateway itself)" };
        var status = new Command("status", "Every board with last contact, firmware, configuration version, battery and faults") { gateway, json, token };
        status.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(gateway)!, parse.GetValue(json), TimeProvider.System, Console.Out, Console.Error, cancellationToken, GatewayApiToken.Resolve(parse.GetValue(token))));
        return new Command("fleet", "The boards as the gateway sees them") { status };
    }

    /// <summary>Asks the gateway at <paramref name="gatewayUrl"/> and prints the fleet.</summary>
    public static async Task<int> RunAsync(string gatewayUrl, bool asJson, TimeProvider time, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, string? apiToken = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        List<FleetBoardStatus> boards;
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) })
        {
            try
            {
                using HttpRequestMessage get = GatewayApiToken.Request(HttpMethod.Get, gatewayUrl.TrimEnd('/') + "/api/fleet", apiToken);
                using HttpResponseMessage response = await http.SendAsync(get, cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                boards = await response.Content.ReadFromJsonAsync<List<FleetBoardStatus>>(Json, cancellationToken).ConfigureAwait(false) ?? [];
            }
            catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                stderr.WriteLine($"fleet status: the gateway at {gatewayUrl} wants an API token ({(apiToken is null ? "none given" : "the one given is unknown or revoked")}): {GatewayApiToken.Hint}");
                return GatewayUnreachable;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                stderr.WriteLine($"fleet status: cannot ask the gateway at {gatewayUrl}: {e.Message} (expected its API there; --gateway URL)");
                return GatewayUnreachable;
            }
        }

        if (asJson)
        {
            stdout.WriteLine(JsonSerializer.Serialize(boards, Json));
            return 0;
        }

        FleetTable.Write(boards, time.GetUtcNow(), stdout);
        return 0;
    }
}
