using System.Text.Json;

namespace EdgeCity.Cli.Tests;

public class BenchCommandLineTests
{
    [Fact]
    public async Task An_unknown_benchmark_lists_the_known_ones()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync("bench", "nope");
        Assert.Equal(2, exit);
        Assert.Contains("bench: unknown benchmark 'nope' (expected one of: ", stderr, StringComparison.Ordinal);
        Assert.Contains("gateway", stderr, StringComparison.Ordinal);
        Assert.Contains("ingest", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ingest_benchmark_ends_with_one_JSON_line_of_measured_figures_and_loses_nothing()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("bench", "ingest");
        Assert.True(exit == 0, stderr);
        string last = stdout.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        Assert.Equal("ingest", json.RootElement.GetProperty("bench").GetString());
        Assert.Equal(12_800, json.RootElement.GetProperty("events").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("lost").GetInt64());
        Assert.True(json.RootElement.GetProperty("events_per_s").GetDouble() > 0);
    }
}
