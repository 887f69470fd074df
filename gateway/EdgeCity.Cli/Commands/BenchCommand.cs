using System.CommandLine;
using EdgeCity.Cli.Benchmarks;

namespace EdgeCity.Cli.Commands;

/// <summary><c>edgecity bench NAME</c>: runs a named benchmark; its last output line is one JSON object.</summary>
public static class BenchCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Benchmark: " + string.Join(", ", BenchmarkCatalog.Names) };
        var seed = new Option<int>("--seed") { Description = "Seed of generated data", DefaultValueFactory = _ => 1 };
        var scenes = new Option<int?>("--scenes") { Description = "Fewer scenes than the full run, while iterating (anpr only)" };
        var sessions = new Option<int?>("--sessions") { Description = "Fewer parking sessions than the full 10,500, while iterating (parking only)" };
        var condition = new Option<string?>("--condition") { Description = "Only one street condition of the mix, by name (parking only)" };
        var command = new Command("bench", "Run a benchmark; prints measured figures, the last line one JSON object") { name, seed, scenes, sessions, condition };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string benchmark = parse.GetValue(name)!;
            if (!BenchmarkCatalog.TryGet(benchmark, out var run))
            {
                await Console.Error.WriteLineAsync($"bench: unknown benchmark '{benchmark}' (expected one of: {string.Join(", ", BenchmarkCatalog.Names)})").ConfigureAwait(false);
                return 2;
            }

            if (parse.GetValue(scenes) is { } count)
            {
                if (count < 1 || !BenchmarkCatalog.TryGetSceneCounted(benchmark, out var counted))
                {
                    await Console.Error.WriteLineAsync($"bench {benchmark}: --scenes {count}: expected a count ≥ 1, for a benchmark of generated scenes (anpr)").ConfigureAwait(false);
                    return 2;
                }

                return await counted(parse.GetValue(seed), count, Console.Out, cancellationToken).ConfigureAwait(false);
            }

            if (parse.GetValue(sessions) is not null || parse.GetValue(condition) is not null)
            {
                if (benchmark != "parking")
                {
                    await Console.Error.WriteLineAsync($"bench {benchmark}: --sessions and --condition are options of the parking benchmark only").ConfigureAwait(false);
                    return 2;
                }

                return await ParkingBenchmarkCommand.RunReducedAsync(parse.GetValue(seed), parse.GetValue(sessions), parse.GetValue(condition), Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
            }

            return await run(parse.GetValue(seed), Console.Out, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
