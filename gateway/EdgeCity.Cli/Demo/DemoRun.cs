using EdgeCity.Gateway.Hosting;
using EdgeCity.Gateway.Ingest;
using EdgeCity.Gateway.Parking;
using EdgeCity.HardwareSim.Fleet;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.Inventory;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeCity.Cli.Demo;

/// <summary>
/// The main job on one machine: the real gateway (embedded MQTT broker, SQLite on disk, REST API) and a
/// simulated fleet of every parking bay in boards.json talking to it over real MQTT on loopback.
/// </summary>
public static class DemoRun
{
    /// <summary>Runs until the duration ends or <paramref name="cancellationToken"/> fires (Ctrl-C). Returns the exit code.</summary>
    public static async Task<int> RunAsync(DemoSettings settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (BoardsValidator.Validate(settings.InventoryPath) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                await errors.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            return 1;
        }

        BoardInventory inventory = BoardInventoryLoader.Load(settings.InventoryPath);

        // Each demo starts from an empty database: the simulated boards boot afresh (boot counter 1), and
        // the gateway would rightly treat their messages as older than the last run's.
        if (Directory.Exists(settings.DataDirectory))
        {
            Directory.Delete(settings.DataDirectory, recursive: true);
        }

        await using WebApplication gateway = GatewayHost.Build([],
            GatewayHost.LoopbackSettings(settings.HttpPort, settings.MqttPort, settings.DataDirectory, settings.InventoryPath));

        var ingest = gateway.Services.GetRequiredService<BoardMessageIngest>();
        var directory = gateway.Services.GetRequiredService<BayDirectory>();
        var printer = new StateChangePrinter(output, directory);
        ingest.Committed += printer.OnCommitted;

        try
        {
            await gateway.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await errors.WriteLineAsync($"demo: could not start the gateway: {e.Message} (is another demo or gateway running? choose --http-port / --mqtt-port)").ConfigureAwait(false);
            return 1;
        }

        var bayIds = inventory.Bays.Select(b => b.Id).ToList();
        await output.WriteLineAsync(
            $"EdgeCity demo: gateway API on http://127.0.0.1:{settings.HttpPort} (try /api/bays, /healthz), " +
            $"MQTT on 127.0.0.1:{settings.MqttPort}, {bayIds.Count} simulated bay sensors, {settings.Speed:0.#}x real time, seed {settings.Seed}. " +
            (settings.Duration is { } d ? $"Stopping after {d.TotalSeconds:0.#} s." : "Ctrl-C stops.")).ConfigureAwait(false);
        await output.WriteLineAsync("observed  board                    lot / bay                        state (as committed by the gateway)").ConfigureAwait(false);

        using var fleet = new ParkingFleet(FleetFromInventory.Specs(inventory), new MqttBrokerEndpoint("127.0.0.1", settings.MqttPort), new ParkingFleetOptions
        {
            Seed = settings.Seed,
            StartUtc = DateTimeOffset.UtcNow,
        });
        DateTimeOffset virtualStart = fleet.Clock.Now;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }

        // The fleet steps on its own thread: its radios block on PUBACKs like the device's client does.
        await Task.Run(() => fleet.RunAsync(settings.Speed, stop.Token), CancellationToken.None).ConfigureAwait(false);

        var bays = gateway.Services.GetRequiredService<BayStateReader>().ReadAll();
        await output.WriteLineAsync(
            $"Demo ended after {(fleet.Clock.Now - virtualStart).TotalMinutes:0.#} virtual minutes: {printer.Changes} state changes committed; " +
            $"now {bays.Count(b => b.State == "occupied")} occupied, {bays.Count(b => b.State == "free")} free, " +
            $"{bays.Count(b => b.State == "unknown")} unknown. Database (fresh each run): {Path.GetFullPath(Path.Combine(settings.DataDirectory, "gateway.db"))}").ConfigureAwait(false);

        await gateway.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }
}
