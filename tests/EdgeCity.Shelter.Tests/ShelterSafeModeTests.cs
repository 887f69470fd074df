using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeCity.Cli.Configuration;
using EdgeCity.Cli.Flashing;
using EdgeCity.Gateway.Fleet;
using EdgeCity.HardwareSim.Adapters;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.Inventory;
using EdgeCity.Shelter.Tests.Boundaries;
using EdgeCity.Testing;

namespace EdgeCity.Shelter.Tests;

/// <summary>A shelter board booted from its flashed file: a boot loop puts it in safe mode (panel off, uplink only) until a signed configuration arrives.</summary>
public sealed class ShelterSafeModeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero); // 12:00 KST: the panel would be on

    [Fact]
    public async Task A_shelter_in_a_boot_loop_keeps_its_panel_off_reports_safe_mode_and_recovers_on_a_good_configuration()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        string folder = Directory.CreateTempSubdirectory("edgecity-shelter-safe-").FullName;
        try
        {
            string inventory = TechnicianInventory.Write(Path.Combine(folder, "boards.json"), gateway.MqttPort);
            byte[] key = RandomNumberGenerator.GetBytes(32);
            byte[] file = BoardConfigurationFile.Render(BoardInventoryLoader.Load(inventory), ShelterRig.BoardId, "127.0.0.1", null, null, Convert.ToHexStringLower(key));
            var guard = new InMemoryNonVolatileMemory();
            for (int boot = 1; boot < SimulatedParkingBoard.QuickResetLimit; boot++)
            {
                using var crashing = ShelterRig.Build(Noon, TimeSpan.Zero, _ => new MqttnetUplinkTransport(gateway.Broker), configurationFile: file, bootGuardMemory: guard);
                Assert.False(crashing.Program.InSafeMode, $"boot {boot}");
            }

            using var board = ShelterRig.Build(Noon, TimeSpan.Zero, _ => new MqttnetUplinkTransport(gateway.Broker), configurationFile: file, bootGuardMemory: guard);
            Assert.True(board.Program.InSafeMode);
            board.RunUntil(Noon.AddMinutes(5).ToUnixTimeMilliseconds());
            Assert.Equal(0, board.Program.FramesWritten);
            FleetBoardStatus status = await WaitForAsync(gateway, s => s.Faults.Contains("safe-mode"), "the safe-mode heartbeat");
            Assert.Contains("boot-loop:5", status.Faults);

            byte[] pushed = SignedConfiguration.Create(file, 1, key);
            using (var put = await gateway.Http.PutAsync($"/api/boards/{ShelterRig.BoardId}/downlink/config", new ByteArrayContent(pushed)))
            {
                Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
            }

            await Eventually.HoldsAsync(() =>
            {
                board.RunUntil(board.Clock.NowUnixMs + 60_000);
                return !board.Program.InSafeMode;
            }, TimeSpan.FromSeconds(20), "a good configuration ends safe mode");
            board.RunUntil(board.Clock.NowUnixMs + 120_000);
            Assert.True(board.Program.FramesWritten > 0, "the panel shows arrivals again");
            Assert.Equal(1, board.Program.Configuration!.Remote.AppliedVersion);
            await WaitForAsync(gateway, s => s.ConfigApplied == 1 && s.ConfigReport == "applied 1", "the configuration report");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<FleetBoardStatus> WaitForAsync(GatewayUnderTest gateway, Func<FleetBoardStatus, bool> condition, string what)
    {
        FleetBoardStatus? last = null;
        await Eventually.HoldsAsync(async () =>
        {
            var fleet = await gateway.Http.GetFromJsonAsync<List<FleetBoardStatus>>("/api/fleet", new JsonSerializerOptions(JsonSerializerDefaults.Web));
            last = fleet!.Single(b => b.BoardId == ShelterRig.BoardId);
            return condition(last);
        }, TimeSpan.FromSeconds(20), $"{what} (last seen {last})");
        return last!;
    }
}
