using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using EdgeCity.Firmware.Shelter.Power;
using EdgeCity.Firmware.Uplink;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.HardwareSim.Radio;
using EdgeCity.HardwareSim.Time;
using EdgeCity.Inventory;
using EdgeCity.Shelter.Tests.Boundaries;
using EdgeCity.Testing;

namespace EdgeCity.Shelter.Tests;

/// <summary>Service hours pushed by the gateway on the retained schedule channel, and the board's night following them.</summary>
public sealed class ShelterScheduleDownlinkTests
{
    [Fact]
    public async Task A_shelter_offline_when_its_schedule_is_sent_applies_it_after_it_reconnects_and_its_display_follows_the_new_last_bus()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();

        // 21:00 KST, lit (the display is on in service hours whenever it is light; the lux is fixed for the test).
        var evening = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        MqttnetUplinkTransport? radio = null;
        using var board = ShelterRig.Build(evening, TimeSpan.FromHours(2), clock => radio = new MqttnetUplinkTransport(gateway.Broker), fixedLux: 2000);
        radio!.LinkUp = false;
        board.RunUntil(evening.AddMinutes(10).ToUnixTimeMilliseconds());
        Assert.False(radio.IsConnected);

        // Sent while the board cannot hear it: the gateway stores it and keeps it retained.
        using (var put = await gateway.Http.PutAsync($"/api/boards/{ShelterRig.BoardId}/downlink/schedule", new StringContent("""{"firstBus":"06:00","lastBus":"22:00"}""")))
        {
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        }

        Assert.Equal(23 * 60 + 30, board.Program.Hours.LastBusMinute);
        Assert.Equal(DisplayMode.Day, board.Program.DisplayPolicy.Mode);

        // Back in reach: it reconnects, subscribes, and the retained schedule arrives (asynchronously, over TCP).
        radio.LinkUp = true;
        await RunUntilAsync(board, () => board.Program.SchedulesApplied > 0, evening.AddMinutes(50));
        Assert.Equal((6 * 60, 22 * 60), (board.Program.Hours.FirstBusMinute, board.Program.Hours.LastBusMinute));
        Assert.Equal(DisplayMode.Day, board.Program.DisplayPolicy.Mode);
        Assert.True(board.Display.IsOn);

        // 22:05: past the pushed last bus (the default would have kept the panel on until 23:30).
        board.RunUntil(evening.AddMinutes(65).ToUnixTimeMilliseconds());
        Assert.Equal(DisplayMode.Off, board.Program.DisplayPolicy.Mode);
        Assert.False(board.Display.IsOn);
        Assert.Equal(0, board.Program.SchedulesRefused);
    }

    [Fact]
    public async Task The_gateway_sends_each_shelter_the_service_hours_of_boards_json_at_start()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        var shelters = BoardInventoryLoader.Load(RepositoryFiles.BoardsJson).Shelters;
        Assert.Contains(shelters, s => s.ServiceHours is { FirstBus: not "05:30" } or { LastBus: not "23:30" });
        foreach (var shelter in shelters.Where(s => s.ServiceHours is not null))
        {
            string? schedule = await ReceiveScheduleAsync(gateway.Broker, shelter.Id);
            Assert.Equal($$"""{"firstBus":"{{shelter.ServiceHours!.FirstBus}}","lastBus":"{{shelter.ServiceHours.LastBus}}"}""", schedule);
        }
    }

    [Theory]
    [InlineData("""{"firstBus":"05:30"}""", "no 'lastBus'")]
    [InlineData("""{"firstBus":"5:30","lastBus":"23:30"}""", "'firstBus' is \"5:30\" (expected \"HH:MM\"")]
    [InlineData("""{"firstBus":"05:30","lastBus":"24:10"}""", "'lastBus' is \"24:10\"")]
    [InlineData("""{"firstBus":330,"lastBus":"23:30"}""", "'firstBus' is not a string")]
    [InlineData("""{"firstBus":{"h":5},"lastBus":"23:30"}""", "not a flat JSON object")]
    public async Task A_schedule_the_board_could_not_read_is_refused_by_the_gateway_naming_the_field(string body, string expected)
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        using var put = await gateway.Http.PutAsync($"/api/boards/{ShelterRig.BoardId}/downlink/schedule", new StringContent(body));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        using var error = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
        Assert.Contains(expected, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"firstBus":"05:30","lastBus":"23:30"}""", 330, 1410)]
    [InlineData("""{"lastBus":"00:40","note":"night bus","firstBus":"04:50"}""", 290, 40)]
    public void The_firmware_reads_a_schedule_into_minutes_after_midnight(string message, int first, int last)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(message);
        Assert.Null(ServiceScheduleMessage.Read(bytes, bytes.Length, out int firstBus, out int lastBus));
        Assert.Equal((first, last), (firstBus, lastBus));
    }

    // Runs the board a virtual minute at a time until the condition holds (a message in flight over real TCP
    // needs wall time too), at most until the virtual deadline and 10 s of wall time.
    private static async Task RunUntilAsync(SimulatedShelterBoard board, Func<bool> condition, DateTimeOffset virtualDeadline)
    {
        var wall = Stopwatch.StartNew();
        while (!condition() && board.Clock.NowUnixMs < virtualDeadline.ToUnixTimeMilliseconds() && wall.Elapsed < TimeSpan.FromSeconds(10))
        {
            board.RunUntil(board.Clock.NowUnixMs + 60_000);
            await Task.Delay(20);
        }

        Assert.True(condition(), $"not reached by {DateTimeOffset.FromUnixTimeMilliseconds(board.Clock.NowUnixMs):u} after {wall.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<string?> ReceiveScheduleAsync(MqttBrokerEndpoint broker, string boardId)
    {
        using var radio = new MqttnetUplinkTransport(broker);
        var topics = new BoardTopics(boardId);
        var uplink = new BoardUplink(radio, new VirtualClock(DateTimeOffset.UtcNow), topics, 1, "test/0", "power-on", 4);
        uplink.AttachDownlink(radio);
        await Task.Run(uplink.Service);
        var buffer = new byte[2048];
        int length = await Task.Run(() => uplink.ReceiveDownlink(buffer, 2000, out string? topic) is var n && topic == topics.ScheduleDownlink ? n : -1);
        uplink.Close();
        return length < 0 ? null : Encoding.ASCII.GetString(buffer, 0, length);
    }
}
