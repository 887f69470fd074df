using System.Text.Json;
using EdgeCity.Cli.Benchmarks;

namespace EdgeCity.Cli.Tests;

public class GatewayBenchmarkTests
{
    [Fact]
    public async Task A_tiny_gateway_benchmark_ends_with_the_JSON_line_the_issue_specifies_and_loses_nothing()
    {
        using var output = new StringWriter();
        int exit = await GatewayBenchmark.RunAsync(seed: 7, GatewayBenchmarkShape.Tiny, EdgeCity.Testing.RepositoryFiles.BoardsJson, output, CancellationToken.None);
        string text = output.ToString();
        Assert.True(exit == 0, text);
        using var json = JsonDocument.Parse(text.TrimEnd().Split('\n')[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal("gateway", root.GetProperty("bench").GetString());
        Assert.True(root.GetProperty("events").GetInt32() > 0, text);
        Assert.Equal(0, root.GetProperty("lost").GetInt32());
        foreach (string figure in new[] { "events_per_s", "p99_ms", "rss_mb", "mosquitto_bridge_events_per_s", "p99_at_events_per_s", "p99_saturated_ms", "mosquitto_bridge_p99_ms" })
        {
            Assert.True(root.GetProperty(figure).GetDouble() > 0, $"{figure} in {text}");
        }

        Assert.True(root.GetProperty("mosquitto_bridge_lost").GetInt32() >= 0);

        // Both phases for both, where the cores went, so a figure from a shared machine can be read for what it is,
        // and for the gateway where each event's time went.
        foreach (string service in new[] { "gateway", "mosquitto bridge" })
        {
            Assert.Contains(service + ", offered load 200 events/s (Poisson)", text, StringComparison.Ordinal);
            Assert.Contains(service + ", closed loop (saturation)", text, StringComparison.Ordinal);
        }

        Assert.Matches(@"cores used, of \d+: gateway \d+\.\d\d \(\d+ µs/event\)", text);
        Assert.Matches(@"gateway received → committed \(PUBACK due\): p50 \d+\.\d ms, p99 \d+\.\d ms", text);
        Assert.Matches(@"gateway received → PUBACK from the city broker: p50 \d+\.\d ms, p99 \d+\.\d ms", text);
    }
}
