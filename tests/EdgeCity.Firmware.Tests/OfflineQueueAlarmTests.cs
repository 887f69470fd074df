using EdgeCity.Firmware.Uplink;
using static EdgeCity.Firmware.Tests.Boundaries.QueueScript;

namespace EdgeCity.Firmware.Tests;

public class OfflineQueueAlarmTests
{
    [Fact]
    public void An_alarm_jumps_ahead_of_queued_heartbeats_and_state_changes()
    {
        var queue = new OfflineQueue(8, 32);
        Enqueue(queue, "h1", MessagePriority.Heartbeat);
        Enqueue(queue, "s1", MessagePriority.StateChange);
        Enqueue(queue, "a1", MessagePriority.Alarm);
        Enqueue(queue, "h2", MessagePriority.Heartbeat);

        Assert.Equal(["a1", "h1", "s1", "h2"], Drain(queue));
    }

    [Fact]
    public void Alarms_among_themselves_go_out_oldest_first()
    {
        var queue = new OfflineQueue(8, 32);
        Enqueue(queue, "h1", MessagePriority.Heartbeat);
        Enqueue(queue, "a1", MessagePriority.Alarm);
        Enqueue(queue, "s1", MessagePriority.StateChange);
        Enqueue(queue, "a2", MessagePriority.Alarm);
        Enqueue(queue, "a3", MessagePriority.Alarm);

        Assert.Equal(["a1", "a2", "a3", "h1", "s1"], Drain(queue));
    }

    [Fact]
    public void A_full_queue_drops_heartbeats_then_state_changes_and_alarms_only_when_nothing_else_is_left()
    {
        var queue = new OfflineQueue(3, 32);
        Enqueue(queue, "a1", MessagePriority.Alarm);
        Enqueue(queue, "s1", MessagePriority.StateChange);
        Enqueue(queue, "h1", MessagePriority.Heartbeat);
        Enqueue(queue, "a2", MessagePriority.Alarm); // drops h1
        Enqueue(queue, "a3", MessagePriority.Alarm); // drops s1
        Enqueue(queue, "a4", MessagePriority.Alarm); // only alarms: drops the oldest, a1

        Assert.Equal(["a2", "a3", "a4"], Drain(queue));
        Assert.Equal(1, queue.DroppedHeartbeats);
        Assert.Equal(1, queue.DroppedStateChanges);
        Assert.Equal(1, queue.DroppedAlarms);
    }
}
