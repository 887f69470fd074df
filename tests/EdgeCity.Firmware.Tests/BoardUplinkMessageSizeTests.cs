using EdgeCity.Firmware.Tests.Boundaries;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Tests;

/// <summary>A message too long for its queue slot is not sent half-written, and is not lost without a trace either.</summary>
public sealed class BoardUplinkMessageSizeTests
{
    [Fact]
    public void A_message_longer_than_a_slot_is_counted_and_announced_in_the_next_birth_while_others_still_go()
    {
        var radio = new RecordingTransport();
        var uplink = new BoardUplink(radio, new ManualClock(), new BoardTopics("pk-test-001"), 3, "test/1", "power-on", 8, 128);

        JsonPayloadWriter tooLong = uplink.BeginMessage();
        tooLong.String("notice", new string('x', 200));
        uplink.Commit(uplink.Topics.Heartbeat, MessagePriority.Heartbeat);
        JsonPayloadWriter fits = uplink.BeginMessage();
        fits.String("state", "occupied");
        uplink.Commit(uplink.Topics.State, MessagePriority.StateChange);
        uplink.Service();

        Assert.Equal(1, uplink.MessagesTooLong);
        Assert.DoesNotContain(radio.Sent, m => m.Topic == uplink.Topics.Heartbeat);
        Assert.Contains(radio.Sent, m => m.Topic == uplink.Topics.State && m.Payload.Contains("\"state\":\"occupied\"", StringComparison.Ordinal));
        Assert.Contains(radio.Sent, m => m.Topic == uplink.Topics.Status && m.Payload.Contains("\"tooLong\":1", StringComparison.Ordinal));
    }
}
