using EdgeCity.Firmware.Uplink;
using EdgeCity.HardwareSim.Boards;
using EdgeCity.Shelter.Tests.Boundaries;
using EdgeCity.Testing;
using Xunit.Abstractions;

namespace EdgeCity.Shelter.Tests;

public sealed class BrokerDownNightTests(ITestOutputHelper output)
{
    // 22:00 KST; the board is cut off from the broker from 22:30 to 06:00, with vandalism through the night.
    private static readonly DateTimeOffset Evening = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);

    private static readonly List<double> Kicks = [.. new[] { 0.5, 2, 3.5, 5, 6.5 }.Select(h => (double)Evening.AddHours(1 + h).ToUnixTimeMilliseconds())];

    [Fact]
    public async Task A_night_with_the_broker_unreachable_still_delivers_every_alarm_when_it_returns_oldest_first()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();
        AcknowledgingRadio? radio = null;
        using var board = ShelterRig.Build(Evening, TimeSpan.FromHours(9), clock => radio = new AcknowledgingRadio(gateway.Broker));
        board.RunUntil(Evening.AddMinutes(30).ToUnixTimeMilliseconds());
        radio!.LinkUp = false;
        KickThroughTheNight(board, radio);

        radio.LinkUp = true;
        board.RunUntil(Evening.AddHours(8.5).ToUnixTimeMilliseconds());
        AssertEveryAlarmDeliveredOldestFirst(board, radio);
    }

    [Fact]
    public async Task A_night_with_the_gateways_broker_stopped_delivers_every_alarm_to_the_restarted_gateway_oldest_first()
    {
        GatewayUnderTest first = await GatewayUnderTest.StartAsync();
        AcknowledgingRadio? radio = null;
        using var board = ShelterRig.Build(Evening, TimeSpan.FromHours(9), clock => radio = new AcknowledgingRadio(first.Broker));
        board.RunUntil(Evening.AddMinutes(30).ToUnixTimeMilliseconds());
        Assert.True(radio!.IsConnected);

        // The gateway and its embedded broker go down for the night (the board's session drops with them).
        await first.App.StopAsync();
        KickThroughTheNight(board, radio);

        // 06:00: the gateway comes back on the same port with the same database; the board reconnects on its own.
        GatewayUnderTest second = await GatewayUnderTest.StartAsync(
            settings: new Dictionary<string, string?> { ["Gateway:MqttPort"] = first.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            dataDirectory: first.DataDirectory);
        board.RunUntil(Evening.AddHours(8.5).ToUnixTimeMilliseconds());
        AssertEveryAlarmDeliveredOldestFirst(board, radio);

        // The second gateway shares the first's folder: stopped first, then the first one deletes the folder.
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    private static void KickThroughTheNight(SimulatedShelterBoard board, AcknowledgingRadio radio)
    {
        board.World.InjectedEvents.AddRange(Kicks.Select(t => ShelterRig.Kick(t)));
        board.RunUntil(Evening.AddHours(8).ToUnixTimeMilliseconds());
        Assert.Equal(Kicks.Count, board.Program.Uplink.Queue.CountOf(MessagePriority.Alarm));
        Assert.Empty(radio.AcknowledgedAlarms);
    }

    private void AssertEveryAlarmDeliveredOldestFirst(SimulatedShelterBoard board, AcknowledgingRadio radio)
    {
        var impacts = radio.AcknowledgedAlarms.Select(a => a.GetProperty("impactTs").GetInt64()).ToList();
        output.WriteLine(string.Join(", ", impacts.Select(t => DateTimeOffset.FromUnixTimeMilliseconds(t).ToString("u"))));
        Assert.Equal(Kicks.Count, impacts.Count);
        Assert.Equal(impacts.Order(), impacts);
        for (int i = 0; i < Kicks.Count; i++)
        {
            Assert.InRange(impacts[i], Kicks[i], Kicks[i] + 500);
        }

        // The alarms left ahead of the night's heartbeats, which were queued before them.
        Assert.Equal(0, board.Program.Uplink.Queue.DroppedAlarms);
        Assert.Equal(0, board.Program.Uplink.Queue.Count);
    }
}
