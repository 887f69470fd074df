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

    [Fact]
    public async Task A_reduced_parking_benchmark_runs_the_rows_of_one_condition_and_ends_with_its_JSON_line()
    {
        // 1,200 sessions over the twelve conditions' rows; only the city-mix row (~100 sessions) is run.
        var (exit, stdout, stderr) = await CliProcess.RunAsync("bench", "parking", "--sessions", "1200", "--condition", "city-mix");
        Assert.True(exit == 0, stderr);
        Assert.Contains("city-mix", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("tram-line", stdout, StringComparison.Ordinal);
        string last = stdout.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        Assert.Equal("parking", json.RootElement.GetProperty("bench").GetString());
        int sessions = json.RootElement.GetProperty("sessions").GetInt32();
        Assert.InRange(sessions, 60, 160);
    }

    [Fact]
    public async Task An_unknown_parking_condition_is_refused_with_the_known_ones()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync("bench", "parking", "--condition", "moon");
        Assert.Equal(2, exit);
        Assert.Contains("--condition 'moon': expected one of: city-mix, ", stderr, StringComparison.Ordinal);
        Assert.Contains("tram-line", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_counts_are_refused_for_benchmarks_other_than_parking()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync("bench", "ingest", "--sessions", "10");
        Assert.Equal(2, exit);
        Assert.Contains("parking benchmark only", stderr, StringComparison.Ordinal);
    }
}
