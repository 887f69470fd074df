using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeCity.Cli.Configuration;
using EdgeCity.Cli.Flashing;
using EdgeCity.Firmware.Configuration;
using EdgeCity.Gateway.Fleet;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.HardwareSim.World;
using EdgeCity.Inventory;
using EdgeCity.Testing;
using Xunit.Abstractions;

namespace EdgeCity.Cli.Tests;

/// <summary>
/// <c>./edgecity config push</c> and <c>fleet status</c> (the built program, as a technician runs it) against a real
/// gateway and a simulated parking board on its real MQTT broker: the board boots from the file flash renders, sleeps
/// with its radio off, and takes the retained configuration when it next wakes.
/// </summary>
public sealed class ConfigPushEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const string Bay = "pk-seomyeon1-a013";
    private const int Seed = 13;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly TemporaryFolder _folder = new("config-push");

    [Fact]
    public async Task A_push_to_a_sleeping_board_is_applied_when_it_wakes_acknowledged_and_shown_by_fleet_status()
    {
        await using var rig = await Rig.StartAsync(_folder, output);
        rig.RunSeconds(70); // first heartbeat at 60 s: the board connects, reports, and switches its radio off again
        await rig.WaitForFleetAsync(b => b.Online == true && b.ConfigApplied == 0, "the board's first heartbeat with config version 0");
        Assert.False(rig.Radio.IsConnected, "the board sleeps with its radio off");

        var (exit, stdout, stderr) = await rig.CliAsync("config", "push", Bay);
        output.WriteLine(stdout);
        Assert.True(exit == 0, stderr);
        Assert.Contains($"{Bay}  version 1", stdout, StringComparison.Ordinal);

        (exit, stdout, stderr) = await rig.CliAsync("fleet", "status", "--gateway", rig.GatewayUrl);
        output.WriteLine(stdout);
        Assert.True(exit == 0, stderr);
        string line = stdout.Split('\n').Single(l => l.StartsWith(Bay, StringComparison.Ordinal));
        Assert.Contains("0 (1 pending)", line, StringComparison.Ordinal);
        Assert.Contains("parking-sensor/", line, StringComparison.Ordinal);
        Assert.Contains("1 with configuration pending", stdout, StringComparison.Ordinal);
        Assert.Equal(0, rig.Board.Program.RemoteConfiguration!.AppliedVersion); // still asleep

        rig.RunSeconds(70); // next heartbeat: connect, the retained configuration arrives, apply, reconnect, report
        Assert.Equal(1, rig.Board.Program.RemoteConfiguration!.AppliedVersion);
        Assert.Equal("applied:1", rig.Board.Program.RemoteConfiguration.LastReport);
        FleetBoardStatus status = await rig.WaitForFleetAsync(b => b.ConfigApplied == 1, "the board's report of version 1 applied");
        Assert.Null(status.ConfigPending);
        Assert.Equal("applied 1", status.ConfigReport);
        Assert.Empty(status.Faults);

        (exit, stdout, stderr) = await rig.CliAsync("fleet", "status", "--gateway", rig.GatewayUrl, "--json");
        Assert.True(exit == 0, stderr);
        JsonElement board = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single(b => b.GetProperty("boardId").GetString() == Bay);
        Assert.Equal(1, board.GetProperty("configApplied").GetInt32());
        Assert.Equal(JsonValueKind.Null, board.GetProperty("configPending").ValueKind);

        // A second push is version 2, and a board reset keeps what it confirmed (non-volatile memory).
        (exit, stdout, stderr) = await rig.CliAsync("config", "push", "--lot", "busan-lot-seomyeon-1");
        Assert.True(exit == 0, stderr);
        Assert.Contains($"{Bay}  version 2", stdout, StringComparison.Ordinal);
        rig.RunSeconds(70);
        rig.Board.Reset("watchdog");
        Assert.Equal(2, rig.Board.Program.RemoteConfiguration!.AppliedVersion);

        // A version chosen by hand (after a gateway lost its database) is taken when it is above what the board saw.
        (exit, stdout, stderr) = await rig.CliAsync("config", "push", Bay, "--version", "7");
        Assert.True(exit == 0, stderr);
        Assert.Contains($"{Bay}  version 7", stdout, StringComparison.Ordinal);
        rig.RunSeconds(70);
        await rig.WaitForFleetAsync(b => b.ConfigApplied == 7 && b.ConfigReport == "applied 7", "version 7 applied");
    }

    [Fact]
    public async Task A_configuration_with_a_bad_signature_is_refused_and_reported()
    {
        await using var rig = await Rig.StartAsync(_folder, output);
        rig.RunSeconds(5);

        // Signed with a key that is not the board's (a forger, or a key from another site).
        byte[] forged = SignedConfiguration.Create(rig.FlashedFile, 1, RandomNumberGenerator.GetBytes(32));
        using (var put = await rig.Gateway.Http.PutAsync($"/api/boards/{Bay}/downlink/config", new ByteArrayContent(forged)))
        {
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        }

        rig.RunSeconds(70);
        Assert.Equal(0, rig.Board.Program.RemoteConfiguration!.AppliedVersion);
        Assert.Equal("refused:1:signature", rig.Board.Program.RemoteConfiguration.LastReport);
        FleetBoardStatus status = await rig.WaitForFleetAsync(b => b.ConfigReport == "refused 1: signature", "the board's refusal");
        Assert.Equal(0, status.ConfigApplied);
        Assert.Equal(1, status.ConfigPending);
        Assert.Contains("config-refused:signature", status.Faults);
    }

    [Fact]
    public async Task A_configuration_that_cuts_the_board_off_is_rolled_back_and_the_rollback_reported()
    {
        await using var rig = await Rig.StartAsync(_folder, output);
        rig.RunSeconds(70);
        await rig.WaitForFleetAsync(b => b.ConfigApplied == 0, "the first heartbeat");

        // Someone edits boards.json with a wrong broker port for the gateway and pushes it.
        int deadPort = FreeLoopbackPort.Find();
        string wrong = rig.WriteInventory("boards-wrong-port.json", deadPort);
        var (exit, _, stderr) = await rig.CliAsync("config", "push", Bay, "--inventory", wrong);
        Assert.True(exit == 0, stderr);

        rig.RunSeconds(70); // wakes, applies, cannot connect: on probation, retrying every few seconds
        Assert.Equal(deadPort, rig.Radio.Endpoint.Port);
        rig.RunSeconds(90);
        Assert.Equal("rolled-back:1:gateway-unreachable", rig.Board.Program.RemoteConfiguration!.LastReport);
        Assert.Equal(0, rig.Board.Program.RemoteConfiguration.AppliedVersion);
        Assert.Equal(rig.Gateway.MqttPort, rig.Radio.Endpoint.Port);
        FleetBoardStatus status = await rig.WaitForFleetAsync(b => b.ConfigReport == "rolled-back 1: gateway-unreachable", "the rollback report");
        Assert.Equal(0, status.ConfigApplied);
        Assert.Contains("config-rolled-back:gateway-unreachable", status.Faults);

        // The retained version 1 comes again on every connect and is not applied again.
        rig.RunSeconds(70);
        Assert.Equal(0, rig.Board.Program.RemoteConfiguration.AppliedVersion);
        Assert.False(rig.Board.Program.RemoteConfiguration.OnProbation);
    }

    [Fact]
    public async Task A_board_that_resets_before_a_new_configuration_reached_the_gateway_goes_back_to_the_previous_one()
    {
        await using var rig = await Rig.StartAsync(_folder, output);
        string wrong = rig.WriteInventory("boards-wrong-port.json", FreeLoopbackPort.Find());
        var (exit, _, stderr) = await rig.CliAsync("config", "push", Bay, "--inventory", wrong);
        Assert.True(exit == 0, stderr);
        rig.RunSeconds(62); // the first heartbeat's connect brings version 1: applied, on probation, not yet proved
        Assert.True(rig.Board.Program.RemoteConfiguration!.OnProbation);

        rig.Board.Reset("brown-out"); // as ESP-IDF's OTA rollback: an unproved configuration does not survive a reset
        Assert.Equal("rolled-back:1:reset-on-probation", rig.Board.Program.RemoteConfiguration!.LastReport);
        Assert.Equal(rig.Gateway.MqttPort, rig.Radio.Endpoint.Port);
        rig.RunSeconds(70);
        FleetBoardStatus status = await rig.WaitForFleetAsync(b => b.ConfigReport == "rolled-back 1: reset-on-probation", "the rollback report");
        Assert.Equal(0, status.ConfigApplied);
    }

    [Fact]
    public async Task A_boot_loop_ends_in_safe_mode_which_fleet_status_shows_until_a_good_configuration_arrives()
    {
        await using var rig = await Rig.StartAsync(_folder, output);
        for (int reset = 1; reset < SimulatedParkingBoard.QuickResetLimit; reset++)
        {
            rig.RunSeconds(2); // resets before the boot counts as good (60 s)
            rig.Board.Reset("watchdog");
        }

        Assert.True(rig.Board.Program.InSafeMode);
        rig.RunSeconds(5); // safe mode says so at once
        FleetBoardStatus status = await rig.WaitForFleetAsync(b => b.Faults.Contains("safe-mode"), "the safe-mode heartbeat");
        Assert.Contains("boot-loop:5", status.Faults);
        Assert.Equal(0, rig.Board.Program.Samples); // uplink only: no sensor touched

        rig.RunSeconds(120);
        Assert.True(rig.Board.Program.InSafeMode, "safe mode lasts however long the board runs");

        var (exit, _, stderr) = await rig.CliAsync("config", "push", Bay);
        Assert.True(exit == 0, stderr);
        // In safe mode the board looks for a configuration at every maintenance wake (10 min), radio off in between.
        rig.RunSeconds(2 * new EdgeCity.Firmware.Parking.ParkingSensorSettings().MaintenanceIntervalMs / 1000);

        Assert.False(rig.Board.Program.InSafeMode, "a good configuration ends safe mode");
        Assert.Equal(1, rig.Board.Program.RemoteConfiguration!.AppliedVersion);
        await rig.WaitForFleetAsync(b => b.ConfigApplied == 1, "the configuration report");
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A gateway, a site signing key, an inventory pointing at the gateway's broker, and one flashed board.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly TemporaryFolder _folder;
        private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

        private Rig(TemporaryFolder folder, GatewayUnderTest gateway, string inventory, byte[] flashedFile, MqttnetUplinkTransport radio)
        {
            _folder = folder;
            Gateway = gateway;
            Inventory = inventory;
            FlashedFile = flashedFile;
            Radio = radio;
            // Virtual time runs far ahead of the real broker, so each radio session waits (real time) for the retained
            // configuration's delivery instead of taking only what has arrived: with no wait, a loaded machine delivered
            // version 1 after the session and the board never applied it (session 20, three runs at once: port 11369
            // where the pushed 20094 was expected). The same race as ParkingRecalibrationCommandTests'.
            var settings = new EdgeCity.Firmware.Parking.ParkingSensorSettings { HeartbeatIntervalMs = 60_000, DownlinkWaitMs = 3000 };
            Board = new SimulatedParkingBoard(Bay, _clock, new ParkingBayWorld(installYawDegrees: 30), radio, Seed, settings, configurationFile: flashedFile);
        }

        public GatewayUnderTest Gateway { get; }

        public string Inventory { get; }

        public byte[] FlashedFile { get; }

        public MqttnetUplinkTransport Radio { get; }

        public SimulatedParkingBoard Board { get; }

        public string GatewayUrl => Gateway.Http.BaseAddress!.ToString().TrimEnd('/');

        private string Credentials => _folder.File("credentials");

        public static async Task<Rig> StartAsync(TemporaryFolder folder, ITestOutputHelper output)
        {
            output.WriteLine($"seed {Seed}");
            // The gateway serves the shipped boards.json; the technician's copy says where its broker listens here.
            var gateway = await GatewayUnderTest.StartAsync();
            string inventory = WriteInventory(folder, "boards.json", gateway.MqttPort);
            (SiteSigningKey key, _) = SiteSigningKey.LoadOrCreate(folder.File("credentials"));

            // Exactly what ./edgecity flash deploys to I:\edgecity.json (no MQTT secret: the test gateway takes any board).
            byte[] file = BoardConfigurationFile.Render(BoardInventoryLoader.Load(inventory), Bay, "127.0.0.1", apn: null, mqttSecret: null, key.BoardKeyHex(Bay));
            return new Rig(folder, gateway, inventory, file, new MqttnetUplinkTransport(gateway.Broker));
        }

        public string WriteInventory(string name, int mqttPort) => WriteInventory(_folder, name, mqttPort);

        public void RunSeconds(int seconds)
        {
            for (int i = 0; i < seconds * 2; i++)
            {
                _clock.Advance(500);
                Board.Step();
            }
        }

        public Task<(int ExitCode, string Stdout, string Stderr)> CliAsync(params string[] args)
        {
            var all = new List<string>(args);
            if (args[0] == "config")
            {
                if (!all.Contains("--inventory"))
                {
                    all.AddRange(["--inventory", Inventory]);
                }

                all.AddRange(["--credentials", Credentials, "--gateway", GatewayUrl, "--gateway-host", "127.0.0.1"]);
            }

            return CliProcess.RunAsync([.. all]);
        }

        public async Task<FleetBoardStatus> WaitForFleetAsync(Func<FleetBoardStatus, bool> condition, string what)
        {
            FleetBoardStatus? last = null;
            await Eventually.HoldsAsync(async () =>
            {
                var fleet = await Gateway.Http.GetFromJsonAsync<List<FleetBoardStatus>>("/api/fleet", new JsonSerializerOptions(JsonSerializerDefaults.Web));
                last = fleet!.Single(b => b.BoardId == Bay);
                return condition(last);
            }, Timeout, $"{what} (seed {Seed}; last seen {last})");
            return last!;
        }

        public async ValueTask DisposeAsync()
        {
            Board.Dispose();
            await Gateway.DisposeAsync();
        }

        private static string WriteInventory(TemporaryFolder folder, string name, int mqttPort) =>
            TechnicianInventory.Write(folder.File(name), mqttPort);
    }
}
