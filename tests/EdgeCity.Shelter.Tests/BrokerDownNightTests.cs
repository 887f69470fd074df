using EdgeCity.Firmware.Uplink;
using EdgeCity.Shelter.Tests.Boundaries;
using EdgeCity.Testing;
using Xunit.Abstractions;

namespace EdgeCity.Shelter.Tests;

public sealed class BrokerDownNightTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_night_with_the_broker_unreachable_still_delivers_every_alarm_when_it_returns_oldest_first()
    {
        await using var gateway = await GatewayUnderTest.StartAsync();

        // 22:00 KST; the link to the broker is down from 22:30 to 06:00, with vandalism through the night.
        var evening = new DateTimeOffset(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);
        AcknowledgingRadio? radio = null;
        using var board = ShelterRig.Build(evening, TimeSpan.FromHours(9), clock => radio = new AcknowledgingRadio(gateway.Broker));
        board.RunUntil(evening.AddMinutes(30).ToUnixTimeMilliseconds());
        radio!.LinkUp = false;
        var kicks = new[] { 0.5, 2, 3.5, 5, 6.5 }.Select(h => (double)evening.AddHours(1 + h).ToUnixTimeMilliseconds()).ToList();
        board.World.InjectedEvents.AddRange(kicks.Select(t => ShelterRig.Kick(t)));
        board.RunUntil(evening.AddHours(8).ToUnixTimeMilliseconds());

        Assert.Equal(kicks.Count, board.Program.Uplink.Queue.CountOf(MessagePriority.Alarm));
        Assert.Empty(radio.AcknowledgedAlarms);
        radio.LinkUp = true;
        board.RunUntil(evening.AddHours(8.5).ToUnixTimeMilliseconds());

        var impacts = radio.AcknowledgedAlarms.Select(a => a.GetProperty("impactTs").GetInt64()).ToList();
        output.WriteLine(string.Join(", ", impacts.Select(t => DateTimeOffset.FromUnixTimeMilliseconds(t).ToString("u"))));
        Assert.Equal(kicks.Count, impacts.Count);
        Assert.Equal(impacts.Order(), impacts);
        for (int i = 0; i < kicks.Count; i++)
        {
            Assert.InRange(impacts[i], kicks[i], kicks[i] + 500);
        }

        // The alarms left ahead of the night's heartbeats, which were queued before them.
        Assert.Equal(0, board.Program.Uplink.Queue.DroppedAlarms);
        Assert.Equal(0, board.Program.Uplink.Queue.Count);
    }
}
