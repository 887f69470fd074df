using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeCity.Cli.Boards;
using EdgeCity.Cli.Flashing;
using EdgeCity.Cli.GatewayApi;
using EdgeCity.Cli.Provisioning;
using EdgeCity.Inventory;

namespace EdgeCity.Cli.Configuration;

/// <summary>
/// <c>./edgecity config push ID…|--lot L|--all</c>: renders each board's configuration from boards.json (as flash
/// does, without secrets), gives it the next version, signs it with the board's key and hands it to the board's
/// gateway (<c>PUT /api/boards/{id}/downlink/config</c>), which keeps it and publishes it retained: a sleeping
/// board gets it when it next wakes, checks it, applies it, and reports; <c>./edgecity fleet status</c> shows that.
/// </summary>
public static class ConfigPushCommand
{
    /// <summary>Exit code: some gateway refused or could not be reached.</summary>
    public const int NotAllSent = 1;

    /// <summary>Exit code: the request names no board, or a board that cannot be configured.</summary>
    public const int BadRequest = 3;

    /// <summary>Exit code: there is no site signing key in the credentials folder.</summary>
    public const int NoSigningKey = 5;

    /// <summary>Creates the <c>config</c> command with its <c>push</c> subcommand.</summary>
    public static Command Create()
    {
        var ids = new Argument<string[]>("id") { Description = "Boards to configure (bay or shelter ids)", Arity = ArgumentArity.ZeroOrMore };
        var lot = new Option<string?>("--lot") { Description = "Every bay of this parking lot" };
        var all = new Option<bool>("--all") { Description = "Every bay and shelter of the inventory" };
        var inventory = new Option<string>("--inventory") { Description = "The inventory", DefaultValueFactory = _ => "boards.json" };
        var credentials = new Option<string>("--credentials") { Description = "Folder holding the site signing key (" + SiteSigningKey.FileName + ")", DefaultValueFactory = _ => BoardSecretFile.DefaultDirectory };
        var secrets = new Option<string>("--secrets") { Description = "Site secrets (gatewayHosts: where each gateway is)", DefaultValueFactory = _ => SiteSecrets.DefaultPath };
        var gateway = new Option<string?>("--gateway") { Description = "The gateway's API, e.g. http://10.20.0.2:8080 (default: gatewayHosts and the gateway's httpPort)" };
        var host = new Option<string?>("--gateway-host") { Description = "Gateway address written into the configuration (default: gatewayHosts)" };
        var token = new Option<string?>("--token") { Description = "The gateway API's token (default: " + GatewayApiToken.EnvironmentVariable + ", then gatewayApiTokens in the site secrets; none needed on the gateway itself)" };
        var version = new Option<int?>("--version") { Description = "Version to give (default: one above what the gateway holds); boards take only versions above any they have seen" };
        var push = new Command("push", "Send signed, versioned configuration to boards through their gateway (retained: sleeping boards get it on waking)")
        {
            ids, lot, all, inventory, credentials, secrets, gateway, host, version, token,
        };
        push.SetAction((parse, cancellationToken) => RunAsync(
            new ConfigPushRequest
            {
                BoardIds = parse.GetValue(ids) ?? [],
                Lot = parse.GetValue(lot),
                All = parse.GetValue(all),
                InventoryPath = parse.GetValue(inventory)!,
                CredentialsDirectory = parse.GetValue(credentials)!,
                SecretsPath = parse.GetValue(secrets)!,
                GatewayUrl = parse.GetValue(gateway),
                GatewayHost = parse.GetValue(host),
                Version = parse.GetValue(version),
                ApiToken = parse.GetValue(token),
            },
            Console.Out,
            Console.Error,
            cancellationToken));
        return new Command("config", "Remote configuration of boards") { push };
    }

    /// <summary>Carries out <paramref name="request"/>.</summary>
    /// <returns>0 when every board's configuration was accepted by its gateway; otherwise an exit code of this class or 2 for a bad inventory.</returns>
    public static async Task<int> RunAsync(ConfigPushRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (InventoryArgument.TryLoad(request.InventoryPath, stderr) is not { } inventory)
        {
            return InventoryArgument.BadInventory;
        }

        if (Targets(request, inventory, stderr) is not { } boards)
        {
            return BadRequest;
        }

        if (request.Version is < 1)
        {
            stderr.WriteLine($"config push: --version {request.Version}: expected a version of 1 or more (0 is the flashed file)");
            return BadRequest;
        }

        SiteSigningKey? key;
        SiteSecrets secrets;
        try
        {
            key = SiteSigningKey.TryLoad(request.CredentialsDirectory);
            secrets = SiteSecrets.Load(request.SecretsPath);
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine("config push: " + e.Message);
            return NoSigningKey;
        }
        catch (FlashException e)
        {
            stderr.WriteLine("config push: " + e.Message);
            return BadRequest;
        }

        if (key is null)
        {
            stderr.WriteLine($"config push: no site signing key in {SiteSigningKey.PathIn(request.CredentialsDirectory)} (expected the key ./edgecity provision created there; boards flashed with it accept what it signs)");
            return NoSigningKey;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        int failed = 0;
        foreach (string id in boards)
        {
            string gatewayId = inventory.GatewayIdOf(id)!;
            string? gatewayHost = request.GatewayHost ?? secrets.GatewayHosts.GetValueOrDefault(gatewayId);
            string? api = request.GatewayUrl ?? (gatewayHost is null ? null : $"http://{gatewayHost}:{inventory.FindGateway(gatewayId)!.HttpPort}");
            if (gatewayHost is null || api is null)
            {
                stderr.WriteLine($"config push: {id}: no address for gateway '{gatewayId}' (expected \"gatewayHosts\": {{\"{gatewayId}\": \"HOST\"}} in {request.SecretsPath}, or --gateway-host HOST and --gateway URL)");
                failed++;
                continue;
            }

            string? token = GatewayApiToken.Resolve(request.ApiToken, secrets.GatewayApiTokens.GetValueOrDefault(gatewayId));
            try
            {
                int version = request.Version ?? await StoredVersionAsync(http, api, id, token, cancellationToken).ConfigureAwait(false) + 1;
                byte[] rendered = BoardConfigurationFile.Render(inventory, id, gatewayHost, apn: null, mqttSecret: null);
                byte[] payload = SignedConfiguration.Create(rendered, version, key.BoardKey(id));
                using HttpRequestMessage put = GatewayApiToken.Request(HttpMethod.Put, $"{api}/api/boards/{id}/downlink/config", token);
                put.Content = new ByteArrayContent(payload);
                using HttpResponseMessage response = await http.SendAsync(put, cancellationToken).ConfigureAwait(false);
                string answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    stderr.WriteLine($"config push: {id}: the gateway at {api} refused version {version}: {(int)response.StatusCode} {answer}");
                    failed++;
                    continue;
                }

                bool published = JsonDocument.Parse(answer).RootElement.TryGetProperty("published", out JsonElement p) && p.GetBoolean();
                stdout.WriteLine($"{id}  version {version}  {payload.Length} bytes  {(published ? "stored and published" : "stored (published once the broker is up)")}; applied when the board next wakes");
            }
            catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                stderr.WriteLine($"config push: {id}: the gateway at {api} wants an API token ({(token is null ? "none given" : "the one given is unknown or revoked")}): {GatewayApiToken.Hint}");
                failed++;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                stderr.WriteLine($"config push: {id}: cannot reach the gateway at {api}: {e.Message} (expected its API there; --gateway URL)");
                failed++;
            }
        }

        stdout.WriteLine($"config push: {boards.Count - failed} of {boards.Count} boards' configuration handed to their gateway; see ./edgecity fleet status");
        return failed == 0 ? 0 : NotAllSent;
    }

    private static List<string>? Targets(ConfigPushRequest request, BoardInventory inventory, TextWriter stderr)
    {
        var boards = new List<string>();
        if (request.All)
        {
            boards.AddRange(inventory.Bays.Select(b => b.Id));
            boards.AddRange(inventory.Shelters.Select(s => s.Id));
        }

        if (request.Lot is { } lot)
        {
            if (inventory.FindLot(lot) is null)
            {
                stderr.WriteLine($"config push: --lot {lot}: no such parking lot in {request.InventoryPath} (expected one of: {string.Join(", ", inventory.ParkingLots.Select(l => l.Id))})");
                return null;
            }

            boards.AddRange(inventory.BaysInLot(lot).Select(b => b.Id));
        }

        foreach (string id in request.BoardIds)
        {
            if (inventory.FindBay(id) is null && inventory.FindShelter(id) is null)
            {
                stderr.WriteLine($"config push: '{id}' is not a bay or shelter of {request.InventoryPath} (cameras take no board configuration)");
                return null;
            }

            boards.Add(id);
        }

        if (boards.Count == 0)
        {
            stderr.WriteLine("config push: no board named (expected board ids, --lot LOT or --all)");
            return null;
        }

        return boards.Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<int> StoredVersionAsync(HttpClient http, string api, string id, string? token, CancellationToken cancellationToken)
    {
        using HttpRequestMessage get = GatewayApiToken.Request(HttpMethod.Get, $"{api}/api/boards/{id}/downlink", token);
        using HttpResponseMessage response = await http.SendAsync(get, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        JsonElement stored = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
        foreach (JsonElement message in stored.EnumerateArray())
        {
            if (message.GetProperty("channel").GetString() == "config")
            {
                return SignedConfiguration.VersionOf(message.GetProperty("payload"));
            }
        }

        return 0;
    }
}
