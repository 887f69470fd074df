namespace EdgeCity.Firmware.Uplink
{
    /// <summary>
    /// A bounded FIFO of outgoing messages kept while the radio or the broker is down. All buffers are
    /// allocated once at start. Alarms jump the queue: they go out oldest alarm first, before any other
    /// message. When full, the oldest heartbeat is dropped to make room; a state change is dropped only when
    /// the queue holds no heartbeat (then the oldest, and it is counted); an alarm only when it holds nothing
    /// but alarms.
    /// </summary>
    public sealed class OfflineQueue
    {
        private readonly byte[][] _slots;
        private readonly int[] _lengths;
        private readonly string[] _topics;
        private readonly bool[] _retain;
        private readonly MessagePriority[] _priorities;

        // _order[0.._count) lists slot indices oldest first; the free slots follow it.
        private readonly int[] _order;
        private int _count;

        /// <summary>Creates a queue of <paramref name="capacity"/> messages of at most <paramref name="slotBytes"/> bytes.</summary>
        public OfflineQueue(int capacity, int slotBytes)
        {
            _slots = new byte[capacity][];
            _lengths = new int[capacity];
            _topics = new string[capacity];
            _retain = new bool[capacity];
            _priorities = new MessagePriority[capacity];
            _order = new int[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _slots[i] = new byte[slotBytes];
                _order[i] = i;
            }
        }

        /// <summary>Messages waiting.</summary>
        public int Count { get { return _count; } }

        /// <summary>Messages waiting with the given priority.</summary>
        public int CountOf(MessagePriority priority)
        {
            int n = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_priorities[_order[i]] == priority)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Maximum number of messages held.</summary>
        public int Capacity { get { return _slots.Length; } }

        /// <summary>Heartbeats dropped to make room since start.</summary>
        public int DroppedHeartbeats { get; private set; }

        /// <summary>State changes dropped because the queue held only state changes and alarms.</summary>
        public int DroppedStateChanges { get; private set; }

        /// <summary>Alarms dropped because the queue held nothing but alarms.</summary>
        public int DroppedAlarms { get; private set; }

        /// <summary>
        /// Returns the buffer of the slot the next message will occupy, making room first if the queue is
        /// full. Write the payload into it, then call <see cref="CommitReserved"/>.
        /// </summary>
        public byte[] Reserve()
        {
            if (_count == _slots.Length)
            {
                EvictOne();
            }

            return _slots[_order[_count]];
        }

        /// <summary>Appends the message written into the buffer returned by <see cref="Reserve"/>.</summary>
        public void CommitReserved(string topic, int length, bool retain, MessagePriority priority)
        {
            int slot = _order[_count];
            _topics[slot] = topic;
            _lengths[slot] = length;
            _retain[slot] = retain;
            _priorities[slot] = priority;
            _count++;
            if (priority == MessagePriority.Alarm)
            {
                JumpAheadOfNonAlarms(_count - 1);
            }
        }

        /// <summary>Looks at the oldest message without removing it. Returns false when empty.</summary>
        public bool TryPeek(out string topic, out byte[] payload, out int length, out bool retain)
        {
            if (_count == 0)
            {
                topic = null!;
                payload = null!;
                length = 0;
                retain = false;
                return false;
            }

            int slot = _order[0];
            topic = _topics[slot];
            payload = _slots[slot];
            length = _lengths[slot];
            retain = _retain[slot];
            return true;
        }

        /// <summary>Removes the oldest message (after it was published).</summary>
        public void RemoveOldest()
        {
            if (_count > 0)
            {
                RemoveAt(0);
            }
        }

        private void EvictOne()
        {
            if (RemoveOldestOf(MessagePriority.Heartbeat))
            {
                DroppedHeartbeats++;
            }
            else if (RemoveOldestOf(MessagePriority.StateChange))
            {
                DroppedStateChanges++;
            }
            else
            {
                RemoveAt(0);
                DroppedAlarms++;
            }
        }

        private bool RemoveOldestOf(MessagePriority priority)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_priorities[_order[i]] == priority)
                {
                    RemoveAt(i);
                    return true;
                }
            }

            return false;
        }

        // Moves the alarm at `position` forward past every non-alarm, so alarms stay oldest first among
        // themselves and all of them precede the rest (whose order is kept).
        private void JumpAheadOfNonAlarms(int position)
        {
            int slot = _order[position];
            int target = position;
            while (target > 0 && _priorities[_order[target - 1]] != MessagePriority.Alarm)
            {
                _order[target] = _order[target - 1];
                target--;
            }

            _order[target] = slot;
        }

        private void RemoveAt(int position)
        {
            int slot = _order[position];
            for (int i = position; i < _order.Length - 1; i++)
            {
                _order[i] = _order[i + 1];
            }

            _order[_order.Length - 1] = slot;
            _topics[slot] = null!;
            _count--;
        }
    }
}
