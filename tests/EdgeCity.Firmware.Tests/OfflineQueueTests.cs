using EdgeCity.Firmware.Uplink;
using static EdgeCity.Firmware.Tests.Boundaries.QueueScript;

namespace EdgeCity.Firmware.Tests;

public class OfflineQueueTests
{
    [Fact]
    public void Messages_come_out_oldest_first()
    {
        var queue = new OfflineQueue(4, 32);
        Enqueue(queue, "a", MessagePriority.StateChange);
        Enqueue(queue, "b", MessagePriority.Heartbeat);
        Enqueue(queue, "c", MessagePriority.StateChange);

        Assert.Equal(["a", "b", "c"], Drain(queue));
    }

    [Fact]
    public void A_full_queue_drops_the_oldest_heartbeat_before_any_state_change()
    {
        var queue = new OfflineQueue(3, 32);
        Enqueue(queue, "s1", MessagePriority.StateChange);
        Enqueue(queue, "h1", MessagePriority.Heartbeat);
        Enqueue(queue, "s2", MessagePriority.StateChange);
        Enqueue(queue, "s3", MessagePriority.StateChange);

        Assert.Equal(["s1", "s2", "s3"], Drain(queue));
        Assert.Equal(1, queue.DroppedHeartbeats);
        Assert.Equal(0, queue.DroppedStateChanges);
    }

    [Fact]
    public void A_queue_of_only_state_changes_drops_the_oldest_and_counts_it()
    {
        var queue = new OfflineQueue(2, 32);
        Enqueue(queue, "s1", MessagePriority.StateChange);
        Enqueue(queue, "s2", MessagePriority.StateChange);
        Enqueue(queue, "s3", MessagePriority.StateChange);

        Assert.Equal(["s2", "s3"], Drain(queue));
        Assert.Equal(1, queue.DroppedStateChanges);
    }

    [Fact]
    public void Slots_are_reused_after_draining_without_mixing_up_payloads()
    {
        var queue = new OfflineQueue(2, 32);
        for (int round = 0; round < 5; round++)
        {
            Enqueue(queue, $"x{round}", MessagePriority.StateChange);
            Enqueue(queue, $"y{round}", MessagePriority.Heartbeat);
            Assert.Equal([$"x{round}", $"y{round}"], Drain(queue));
        }
    }
}
