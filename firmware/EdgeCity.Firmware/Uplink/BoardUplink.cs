using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Uplink
{
    /// <summary>
    /// A board's side of the MQTT conversation: connect with a retained last will, announce itself with a
    /// birth message, number every message (boot counter + counter), queue while offline, and reconnect with
    /// backoff and jitter. Message payloads are written straight into queue slots: nothing is allocated per
    /// message.
    /// </summary>
    public sealed class BoardUplink
    {
        /// <summary>Bytes per queued message unless a board asks for more.</summary>
        public const int DefaultSlotBytes = 384;

        private readonly IUplinkTransport _transport;
        private readonly IBoardClock _clock;
        private readonly SequenceCounter _sequence;
        private readonly OfflineQueue _queue;
        private readonly ReconnectBackoff _backoff;
        private readonly JsonPayloadWriter _writer;
        private readonly byte[] _controlBuffer;
        private readonly string _firmwareVersion;
        private readonly string _resetCause;
        private bool _birthSent;
        private IDownlinkTransport? _downlink;

        /// <summary>Creates the uplink of board <paramref name="topics"/>.BoardId.</summary>
        /// <param name="transport">The MQTT connection.</param>
        /// <param name="clock">Time source for timestamps and backoff.</param>
        /// <param name="topics">The board's topics.</param>
        /// <param name="bootCount">This boot's number, from non-volatile storage.</param>
        /// <param name="firmwareVersion">Reported in the birth message, e.g. <c>parking-sensor/0.1.0</c>.</param>
        /// <param name="resetCause">Why the board booted: <c>power-on</c>, <c>brown-out</c>, <c>watchdog</c>, …</param>
        /// <param name="queueCapacity">Messages kept while offline.</param>
        public BoardUplink(IUplinkTransport transport, IBoardClock clock, BoardTopics topics, int bootCount,
            string firmwareVersion, string resetCause, int queueCapacity)
            : this(transport, clock, topics, bootCount, firmwareVersion, resetCause, queueCapacity, DefaultSlotBytes)
        {
        }

        /// <summary>As the other constructor, with <paramref name="slotBytes"/> bytes per message (alarms with evidence need more than 256).</summary>
        public BoardUplink(IUplinkTransport transport, IBoardClock clock, BoardTopics topics, int bootCount,
            string firmwareVersion, string resetCause, int queueCapacity, int slotBytes)
        {
            _controlBuffer = new byte[slotBytes];
            _transport = transport;
            _clock = clock;
            Topics = topics;
            _sequence = new SequenceCounter(bootCount);
            _queue = new OfflineQueue(queueCapacity, slotBytes);
            _backoff = new ReconnectBackoff(1000, 300000, Fnv1a(topics.BoardId) ^ (uint)bootCount);
            _writer = new JsonPayloadWriter(_controlBuffer);
            _firmwareVersion = firmwareVersion;
            _resetCause = resetCause;
        }

        /// <summary>The board's topics.</summary>
        public BoardTopics Topics { get; private set; }

        /// <summary>Why the board booted, as reported in the birth message and heartbeats.</summary>
        public string ResetCause { get { return _resetCause; } }

        /// <summary>The queue of messages not yet acknowledged by the broker.</summary>
        public OfflineQueue Queue { get { return _queue; } }

        /// <summary>The boot counter carried by every message.</summary>
        public int BootCount { get { return _sequence.BootCount; } }

        /// <summary>
        /// Listens to the gateway as well: from now on every (re)connect subscribes to the board's downlink
        /// topics, and <see cref="ReceiveDownlink"/> hands out what arrived. <paramref name="downlink"/> is the
        /// same MQTT session as the uplink transport.
        /// </summary>
        public void AttachDownlink(IDownlinkTransport downlink)
        {
            _downlink = downlink;
            if (_transport.IsConnected)
            {
                downlink.Subscribe(Topics.DownlinkFilter);
            }
        }

        /// <summary>
        /// The next downlink message (see <see cref="IDownlinkTransport.Receive"/>), or -1 when none is waiting,
        /// the board is offline or no downlink is attached. Compare <paramref name="topic"/> with
        /// <see cref="BoardTopics.ConfigDownlink"/> and its siblings.
        /// </summary>
        public int ReceiveDownlink(byte[] buffer, int waitMs, out string? topic)
        {
            topic = null;
            if (_downlink == null || !_transport.IsConnected)
            {
                return -1;
            }

            return _downlink.Receive(buffer, waitMs, out topic);
        }

        /// <summary>True while the MQTT session to the gateway is up.</summary>
        public bool IsConnected { get { return _transport.IsConnected; } }

        /// <summary>Connection attempts that failed since the last success.</summary>
        public int ConnectFailures { get { return _backoff.Failures; } }

        /// <summary>
        /// Starts a message in the next queue slot with the common header (<c>boot</c>, <c>seq</c>, <c>ts</c>)
        /// and returns the writer; add fields, then call <see cref="Commit"/>.
        /// </summary>
        public JsonPayloadWriter BeginMessage()
        {
            _writer.Begin(_queue.Reserve());
            WriteHeader();
            return _writer;
        }

        /// <summary>Closes the message begun with <see cref="BeginMessage"/> and queues it for <paramref name="topic"/>.</summary>
        public void Commit(string topic, MessagePriority priority)
        {
            if (_writer.End())
            {
                _queue.CommitReserved(topic, _writer.Length, false, priority);
            }
        }

        /// <summary>
        /// Connects if needed and allowed by the backoff, then sends queued messages oldest first. Call it on
        /// every wake-up; it returns quickly when there is nothing to do.
        /// </summary>
        public void Service()
        {
            Service(false);
        }

        /// <summary>
        /// As <see cref="Service()"/>, but connects at once even while the backoff would wait: for an alarm,
        /// which must not sit out a five-minute backoff. Callers rate-limit alarms, so this cannot hammer the broker.
        /// </summary>
        public void ServiceUrgently()
        {
            Service(true);
        }

        private void Service(bool urgent)
        {
            long now = _clock.NowUnixMs;
            if (!_transport.IsConnected)
            {
                if (!urgent && !_backoff.MayAttempt(now))
                {
                    return;
                }

                if (!ConnectAndAnnounce())
                {
                    _backoff.OnFailure(now);
                    return;
                }

                _backoff.OnSuccess();
            }

            string topic;
            byte[] payload;
            int length;
            bool retain;
            while (_queue.TryPeek(out topic, out payload, out length, out retain))
            {
                if (!_transport.Publish(topic, payload, length, retain))
                {
                    _backoff.OnFailure(now);
                    return;
                }

                _queue.RemoveOldest();
            }
        }

        /// <summary>Disconnects cleanly, e.g. before a planned power-off.</summary>
        public void Close()
        {
            if (_transport.IsConnected)
            {
                _transport.Disconnect();
            }
        }

        private bool ConnectAndAnnounce()
        {
            // The will carries the boot counter so the gateway can tell which life of the board went away.
            _writer.Begin(_controlBuffer);
            _writer.Boolean("online", false);
            _writer.Number("boot", _sequence.BootCount);
            _writer.End();
            if (!_transport.Connect(Topics.BoardId, Topics.Status, _controlBuffer, _writer.Length))
            {
                return false;
            }

            // Birth on every (re)connect: it overwrites the retained will and tells the gateway who is back.
            _writer.Begin(_controlBuffer);
            _writer.Boolean("online", true);
            WriteHeader();
            _writer.String("fw", _firmwareVersion);
            _writer.String("resetCause", _birthSent ? "reconnect" : _resetCause);
            _writer.Number("queued", _queue.Count);
            _writer.End();
            if (!_transport.Publish(Topics.Status, _controlBuffer, _writer.Length, true))
            {
                return false;
            }

            _birthSent = true;
            // Retained downlink messages (configuration, schedules, commands) arrive right after subscribing.
            return _downlink == null || _downlink.Subscribe(Topics.DownlinkFilter);
        }

        private void WriteHeader()
        {
            _writer.Number("boot", _sequence.BootCount);
            _writer.Number("seq", _sequence.Next());
            _writer.Number("ts", _clock.NowUnixMs);
        }

        private static uint Fnv1a(string text)
        {
            uint hash = 2166136261;
            for (int i = 0; i < text.Length; i++)
            {
                hash = (hash ^ text[i]) * 16777619;
            }

            return hash;
        }
    }
}
