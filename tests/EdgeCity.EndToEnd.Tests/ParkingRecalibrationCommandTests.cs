using System.Net;
using EdgeCity.Firmware.Parking;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EdgeCity.EndToEnd.Tests;

/// <summary>
/// The gateway's recalibration command, end to end: a PUT on the API, the retained downlink through the real
/// embedded broker, the firmware on a simulated board taking it at its next radio session, its report in the
/// gateway's database, and the command not run again when it comes back after a reboot.
/// </summary>
public sealed class ParkingRecalibrationCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_board_calibrated_over_a_car_is_put_right_by_a_recalibrate_command_which_it_runs_once_even_after_a_reboot()
    {
        const int seed = 4;
        output.WriteLine($"seed {seed}");
        await using var gateway = await GatewayUnderTest.StartAsync();
        string bayId = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Bays[seed].Id;
        var clock = new VirtualClock(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var bay = new ParkingBayWorld(installYawDegrees: 70);
        var vehicles = new VehicleFactory(new Random(seed));
        // A radio session every virtual minute. Virtual time runs far ahead of the real broker, so each session waits
        // (real time) for the retained command's delivery instead of taking only what has arrived: with no wait, a
        // loaded machine delivered it after the session and the test saw no command (CI run of session 18, seed 4).
        var settings = new ParkingSensorSettings { HeartbeatIntervalMs = 60_000, DownlinkWaitMs = 3000 };

        // Installed while a car stood over it: the "empty" baseline holds the car, so its departure reads as an arrival.
        bay.Park(vehicles.NextParkedVehicle());
        using var board = new SimulatedParkingBoard(bayId, clock, bay, new MqttnetUplinkTransport(gateway.Broker), seed, settings);
        RunSeconds(board, clock, 10);
        bay.Leave();
        RunSeconds(board, clock, 10);
        Assert.Equal(BayState.Occupied, board.Program.State);
        await WaitForStateAsync(gateway, bayId, "occupied");

        using (var put = await gateway.Http.PutAsync($"/api/boards/{bayId}/downlink/command", new StringContent("""{"id":1,"command":"recalibrate"}""")))
        {
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        }

        // Taken at the next heartbeat's radio session; the empty bay is learnt again and reported free.
        RunSeconds(board, clock, 75);
        Assert.Equal(1, board.Program.LastCommandId);
        Assert.Equal(BayState.Free, board.Program.State);
        await WaitForStateAsync(gateway, bayId, "free");
        await WaitForReportsAsync(gateway, bayId, "\"result\":\"started\"", "\"result\":\"done\"");

        // Now against the true empty field, a car is seen as a car.
        bay.Park(vehicles.NextParkedVehicle());
        RunSeconds(board, clock, 10);
        await WaitForStateAsync(gateway, bayId, "occupied");

        // A brown-out: the retained command arrives again at the next radio session and is not run again.
        board.Reset("brown-out");
        RunSeconds(board, clock, 75);
        Assert.True(board.Program.ResumedFromMemory);
        Assert.Equal(1, board.Program.LastCommandId);
        Assert.Equal(BayState.Occupied, board.Program.State);
        Assert.True(board.Program.Uplink.BootCount >= 2);
        Assert.Equal(2, (await ReportsAsync(gateway, bayId)).Count);
        Assert.Equal(0, board.Program.CommandsRefused);
    }

    private static void RunSeconds(SimulatedParkingBoard board, VirtualClock clock, int seconds)
    {
        for (int i = 0; i < seconds * 1000 / board.Settings.FastIntervalMs; i++)
        {
            clock.Advance(board.Settings.FastIntervalMs);
            board.Step();
        }
    }

    private static async Task WaitForStateAsync(GatewayUnderTest gateway, string bayId, string state)
    {
        string? last = null;
        await Eventually.HoldsAsync(async () => (last = (await gateway.GetBayAsync(bayId)).State) == state, Timeout,
            $"bay {bayId} to be {state} in the API (last seen {last})");
    }

    private static async Task WaitForReportsAsync(GatewayUnderTest gateway, string bayId, params string[] expected)
    {
        List<string> reports = [];
        await Eventually.HoldsAsync(async () =>
        {
            reports = await ReportsAsync(gateway, bayId);
            return reports.Count == expected.Length && expected.Select((e, i) => reports[i].Contains(e, StringComparison.Ordinal)).All(ok => ok);
        }, Timeout, $"reports {string.Join(", ", expected)} from {bayId} in gateway.db (have: {string.Join(" | ", reports)})");
    }

    // The board's reports as the gateway committed them, read from its real SQLite file.
    private static async Task<List<string>> ReportsAsync(GatewayUnderTest gateway, string bayId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(gateway.DataDirectory, "gateway.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT payload FROM board_events WHERE board_id = $board AND kind = 'report' ORDER BY boot, seq";
        query.Parameters.AddWithValue("$board", bayId);
        var payloads = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetString(0));
        }

        return payloads;
    }
}
