using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EdgeCity.Cli.Configuration;
using EdgeCity.Cli.GatewayApi;
using EdgeCity.Testing;

namespace EdgeCity.Cli.Tests;

/// <summary>
/// API tokens end to end: <c>./edgecity gateway api-token …</c> (the built program) writes into a running gateway's
/// database, and that gateway — told not to trust loopback, as when its API is reached from the network — refuses
/// every <c>/api/…</c> request without a current token, while <c>/healthz</c> and <c>/metrics</c> stay open.
/// </summary>
public sealed class GatewayApiTokenCommandLineTests : IAsyncLifetime
{
    private const string Bay = "pk-seomyeon1-a013";
    private GatewayUnderTest _gateway = null!;

    public async Task InitializeAsync() =>
        _gateway = await GatewayUnderTest.StartAsync(settings: new Dictionary<string, string?> { ["Gateway:Api:TrustLoopback"] = "false" });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Without_a_token_the_api_answers_401_with_what_was_expected_and_counts_it_while_health_and_metrics_stay_open()
    {
        using var response = await _gateway.Http.GetAsync("/api/fleet");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        JsonElement error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("no API token", error.GetProperty("error").GetString());
        Assert.Contains("./edgecity gateway api-token create NAME", error.GetProperty("expected").GetString(), StringComparison.Ordinal);

        using (var put = await _gateway.Http.PutAsync($"/api/boards/{Bay}/downlink/command", new StringContent("""{"id":1,"command":"recalibrate"}""")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        }

        using (var basic = Request(HttpMethod.Get, "/api/bays", new AuthenticationHeaderValue("Basic", "a2ltOnB3")))
        using (var answer = await _gateway.Http.SendAsync(basic))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Contains("not a bearer token", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await _gateway.Http.GetAsync("/healthz")).StatusCode);
        string metrics = await _gateway.Http.GetStringAsync("/metrics");
        Assert.Contains("edgecity_api_requests_total{outcome=\"refused\"} 3", metrics, StringComparison.Ordinal);

        var (exit, _, stderr) = await CliProcess.RunAsync("fleet", "status", "--gateway", GatewayUrl);
        Assert.Equal(1, exit);
        Assert.Contains("wants an API token (none given)", stderr, StringComparison.Ordinal);

        using var credentials = new TemporaryFolder("api-token");
        SiteSigningKey.LoadOrCreate(credentials.Path);
        (exit, _, stderr) = await CliProcess.RunAsync("config", "push", Bay, "--credentials", credentials.Path, "--gateway", GatewayUrl, "--gateway-host", "127.0.0.1");
        Assert.Equal(ConfigPushCommand.NotAllSent, exit);
        Assert.Contains($"{Bay}: the gateway at {GatewayUrl} wants an API token (none given)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_made_by_the_cli_opens_the_api_until_it_is_revoked()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("gateway", "api-token", "create", "kim", "--data", _gateway.DataDirectory);
        Assert.True(exit == 0, stderr);
        string token = stdout.Trim();
        Assert.StartsWith("kim.", token, StringComparison.Ordinal);
        Assert.DoesNotContain(token[4..], await File.ReadAllTextAsync(Path.Combine(_gateway.DataDirectory, "gateway.db")), StringComparison.Ordinal);

        using (var get = Request(HttpMethod.Get, "/api/fleet", new AuthenticationHeaderValue("Bearer", token)))
        using (var answer = await _gateway.Http.SendAsync(get))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        using (var put = Request(HttpMethod.Put, $"/api/boards/{Bay}/downlink/command", new AuthenticationHeaderValue("Bearer", token)))
        {
            put.Content = new StringContent("""{"id":1,"command":"recalibrate"}""");
            using var answer = await _gateway.Http.SendAsync(put);
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        }

        using (var forged = Request(HttpMethod.Get, "/api/fleet", new AuthenticationHeaderValue("Bearer", token + "x")))
        using (var answer = await _gateway.Http.SendAsync(forged))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Contains("unknown or revoked API token", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (exit, stdout, stderr) = await CliProcess.RunAsync("fleet", "status", "--gateway", GatewayUrl, "--json", "--token", token);
        Assert.True(exit == 0, stderr);
        Assert.Contains(Bay, stdout, StringComparison.Ordinal);

        (exit, stdout, _) = await CliProcess.RunAsync("gateway", "api-token", "list", "--data", _gateway.DataDirectory);
        Assert.Equal(0, exit);
        Assert.Equal("kim", stdout.Trim());

        (exit, _, stderr) = await CliProcess.RunAsync("gateway", "api-token", "revoke", "kim", "--data", _gateway.DataDirectory);
        Assert.True(exit == 0, stderr);
        (exit, _, stderr) = await CliProcess.RunAsync("fleet", "status", "--gateway", GatewayUrl, "--token", token);
        Assert.Equal(1, exit);
        Assert.Contains("the one given is unknown or revoked", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await CliProcess.RunAsync("gateway", "api-token", "revoke", "kim", "--data", _gateway.DataDirectory);
        Assert.Equal(1, exit);
        Assert.Contains("no token named 'kim'", stderr, StringComparison.Ordinal);
        (exit, _, stderr) = await CliProcess.RunAsync("gateway", "api-token", "create", "Kim Min-su", "--data", _gateway.DataDirectory);
        Assert.Equal(2, exit);
        Assert.Contains("expected 1-40 characters of a-z, 0-9", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_that_trusts_loopback_needs_no_token_from_its_own_machine()
    {
        await using var trusting = await GatewayUnderTest.StartAsync();
        using var answer = await trusting.Http.GetAsync("/api/fleet");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public void The_token_given_on_the_command_line_wins_over_the_site_secrets()
    {
        Assert.Equal("ops.a", GatewayApiToken.Resolve(" ops.a ", "site.b"));
        Assert.Equal(Environment.GetEnvironmentVariable(GatewayApiToken.EnvironmentVariable)?.Trim() ?? "site.b", GatewayApiToken.Resolve(null, "site.b"));
    }

    private string GatewayUrl => _gateway.Http.BaseAddress!.ToString().TrimEnd('/');

    private static HttpRequestMessage Request(HttpMethod method, string path, AuthenticationHeaderValue authorization)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = authorization;
        return request;
    }
}
