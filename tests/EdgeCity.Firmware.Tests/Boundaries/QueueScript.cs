using System.Text;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Tests.Boundaries;

/// <summary>Writes text messages into an <see cref="OfflineQueue"/> and reads them back in order, checking each topic.</summary>
internal static class QueueScript
{
    /// <summary>Queues <paramref name="text"/> on topic <c>topic/{text}</c>.</summary>
    public static void Enqueue(OfflineQueue queue, string text, MessagePriority priority)
    {
        byte[] slot = queue.Reserve();
        int length = Encoding.ASCII.GetBytes(text, slot);
        queue.CommitReserved("topic/" + text, length, false, priority);
    }

    /// <summary>Takes every message out, oldest first, asserting each still carries its own topic.</summary>
    public static List<string> Drain(OfflineQueue queue)
    {
        var result = new List<string>();
        while (queue.TryPeek(out string topic, out byte[] payload, out int length, out _))
        {
            Assert.Equal("topic/" + Encoding.ASCII.GetString(payload, 0, length), topic);
            result.Add(Encoding.ASCII.GetString(payload, 0, length));
            queue.RemoveOldest();
        }

        return result;
    }
}
