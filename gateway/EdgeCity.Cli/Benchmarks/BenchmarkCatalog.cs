namespace EdgeCity.Cli.Benchmarks;

/// <summary>The benchmarks <c>./edgecity bench NAME</c> knows.</summary>
public static class BenchmarkCatalog
{
    private static readonly Dictionary<string, Func<int, TextWriter, CancellationToken, Task<int>>> Benchmarks = new(StringComparer.Ordinal)
    {
        ["gateway"] = GatewayBenchmark.RunAsync,
        ["ingest"] = IngestBenchmark.RunAsync,
        ["shelter"] = ShelterBenchmark.RunAsync,
        ["parking"] = ParkingBenchmarkCommand.RunAsync,
        ["anpr"] = AnprBenchmark.RunAsync,
        ["anpr-scale"] = AnprScaleBenchmark.RunAsync,
        ["anpr-track"] = AnprTrackBenchmark.RunAsync,
    };

    // Benchmarks over generated scenes that can run on fewer of them (`bench NAME --scenes N`) while iterating.
    private static readonly Dictionary<string, Func<int, int, TextWriter, CancellationToken, Task<int>>> SceneCounted = new(StringComparer.Ordinal)
    {
        ["anpr"] = AnprBenchmark.RunAsync,
        ["anpr-scale"] = AnprScaleBenchmark.RunAsync,
        ["anpr-track"] = AnprTrackBenchmark.RunAsync,
    };

    /// <summary>Finds a benchmark that takes a scene count (<c>--scenes</c>) by name.</summary>
    public static bool TryGetSceneCounted(string name, out Func<int, int, TextWriter, CancellationToken, Task<int>> run) =>
        SceneCounted.TryGetValue(name, out run!);

    /// <summary>Names of all benchmarks.</summary>
    public static IEnumerable<string> Names => Benchmarks.Keys.Order(StringComparer.Ordinal);

    /// <summary>Finds a benchmark by name.</summary>
    public static bool TryGet(string name, out Func<int, TextWriter, CancellationToken, Task<int>> run) =>
        Benchmarks.TryGetValue(name, out run!);
}
