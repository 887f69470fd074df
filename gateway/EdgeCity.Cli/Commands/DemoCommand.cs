using System.CommandLine;
using EdgeCity.Cli.Demo;

namespace EdgeCity.Cli.Commands;

/// <summary><c>edgecity demo</c>: the gateway and a simulated fleet from boards.json, on this machine.</summary>
public static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var duration = new Option<string?>("--duration") { Description = "Stop after this long (e.g. 30s, 5m); default: until Ctrl-C" };
        var speed = new Option<double>("--speed") { Description = "Virtual seconds per real second", DefaultValueFactory = _ => 60 };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated street", DefaultValueFactory = _ => 1 };
        var boards = new Option<string>("--boards") { Description = "The inventory", DefaultValueFactory = _ => "boards.json" };
        var data = new Option<string>("--data") { Description = "Folder of the gateway's SQLite database", DefaultValueFactory = _ => "data/demo" };
        var httpPort = new Option<int>("--http-port") { Description = "Port of the REST API on 127.0.0.1", DefaultValueFactory = _ => 8080 };
        var mqttPort = new Option<int>("--mqtt-port") { Description = "Port of the embedded MQTT broker on 127.0.0.1", DefaultValueFactory = _ => 1883 };
        var command = new Command("demo", "Run the gateway (embedded MQTT broker, SQLite) with a simulated fleet from boards.json; prints bay state changes and serves the API")
        {
            duration, speed, seed, boards, data, httpPort, mqttPort,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            TimeSpan? limit = null;
            if (parse.GetValue(duration) is { } text)
            {
                if (!DurationParser.TryParse(text, out TimeSpan parsed, out string error))
                {
                    await Console.Error.WriteLineAsync($"--duration: {error}").ConfigureAwait(false);
                    return 2;
                }

                limit = parsed;
            }

            var settings = new DemoSettings(parse.GetValue(boards)!, parse.GetValue(data)!, parse.GetValue(httpPort),
                parse.GetValue(mqttPort), parse.GetValue(speed), parse.GetValue(seed), limit);
            return await DemoRun.RunAsync(settings, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
