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
    };

    /// <summary>Names of all benchmarks.</summary>
    public static IEnumerable<string> Names => Benchmarks.Keys.Order(StringComparer.Ordinal);

    /// <summary>Finds a benchmark by name.</summary>
    public static bool TryGet(string name, out Func<int, TextWriter, CancellationToken, Task<int>> run) =>
        Benchmarks.TryGetValue(name, out run!);
}
