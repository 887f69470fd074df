using System.Net.Http.Json;
using EdgeCity.Firmware.Parking;
using EdgeCity.Gateway.Parking;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Fleet;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Xunit.Abstractions;

namespace EdgeCity.EndToEnd.Tests;

public sealed class ParkingBayEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_car_parking_then_leaving_shows_the_bay_occupied_then_free_in_the_API(int seed)
    {
        output.WriteLine($"seed {seed}");
        await using var gateway = await GatewayUnderTest.StartAsync();
        string bayId = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays[seed].Id;
        var clock = new VirtualClock(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var bay = new ParkingBayWorld(installYawDegrees: seed * 40);
        using var board = new SimulatedParkingBoard(bayId, clock, bay, new MqttnetUplinkTransport(gateway.Broker), seed);

        RunSeconds(board, clock, 30);
        await WaitForStateAsync(gateway, bayId, "free", seed);

        var vehicle = new VehicleFactory(new Random(seed)).NextParkedVehicle();
        bay.Park(vehicle);
        long parkedAtMs = clock.NowUnixMs;
        RunSeconds(board, clock, 30);
        var occupied = await WaitForStateAsync(gateway, bayId, "occupied", seed);

        // Reported within the detector's confirmation window, stamped with the board's (virtual) clock.
        double latencyS = (occupied.ChangedAt!.Value.ToUnixTimeMilliseconds() - parkedAtMs) / 1000.0;
        Assert.InRange(latencyS, 0.5, 3);

        bay.Leave();
        RunSeconds(board, clock, 30);
        var free = await WaitForStateAsync(gateway, bayId, "free", seed);
        Assert.True(free.ChangedAt > occupied.ChangedAt);
        Assert.True(free.SensorOnline);
        Assert.Equal(0, board.Program.SensorFaults);
    }

    [Fact]
    public async Task A_fleet_of_every_bay_in_boards_json_reports_what_the_simulated_street_did()
    {
        const int seed = 7;
        output.WriteLine($"seed {seed}");
        await using var gateway = await GatewayUnderTest.StartAsync();
        var bayIds = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays.Select(b => b.Id).ToList();
        using var fleet = new ParkingFleet(bayIds, gateway.Broker, new ParkingFleetOptions { Seed = seed, MeanFreeMinutes = 5, MeanParkedMinutes = 10 });
        var arrivals = 0;
        fleet.TrafficEvent += e => arrivals += e.What == "vehicle-arrived" ? 1 : 0;

        for (int tick = 0; tick < 20 * 60 * 1000 / fleet.TickMs; tick++)
        {
            fleet.Step();
        }

        // Hold the street still for a few seconds so departures of the last second are confirmed too.
        fleet.TrafficFrozen = true;
        for (int tick = 0; tick < 5 * 1000 / fleet.TickMs; tick++)
        {
            fleet.Step();
        }

        // Detection: each board's verdict matches its street; delivery: the API shows each board's verdict.
        var street = fleet.Boards.Select((b, i) => (b.BoardId, fleet.Worlds[i].IsOccupied)).ToDictionary(b => b.BoardId, b => b.IsOccupied ? BayStateNames.Occupied : BayStateNames.Free);
        var judged = fleet.Boards.ToDictionary(b => b.BoardId, b => BayStateNames.Of(b.Program.State));
        Assert.Equal(street, judged);

        string differing = "";
        await Eventually.HoldsAsync(async () =>
        {
            var bays = await gateway.Http.GetFromJsonAsync<List<BayView>>("/api/bays");
            differing = string.Join("; ", bays!.Where(b => b.State != judged[b.Id]).Select(b => $"{b.Id}: API {b.State}, board {judged[b.Id]}"));
            return differing.Length == 0;
        }, Timeout, $"every bay's API state matches its board (seed {seed})");
        Assert.True(arrivals > bayIds.Count, $"only {arrivals} arrivals in 20 virtual minutes (seed {seed})");
    }

    private static void RunSeconds(SimulatedParkingBoard board, VirtualClock clock, int seconds)
    {
        for (int i = 0; i < seconds * 1000 / board.Settings.FastIntervalMs; i++)
        {
            clock.Advance(board.Settings.FastIntervalMs);
            board.Step();
        }
    }

    private static async Task<BayView> WaitForStateAsync(GatewayUnderTest gateway, string bayId, string state, int seed)
    {
        BayView? last = null;
        await Eventually.HoldsAsync(async () => (last = await gateway.GetBayAsync(bayId)).State == state, Timeout,
            $"bay {bayId} to be {state} in the API (seed {seed}; last seen {last?.State})");
        return last!;
    }
}
