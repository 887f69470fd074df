using EdgeCity.Firmware.Hardware;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// The parking bay sensor board's program. Each <see cref="Wake"/> is one wake-up from sleep: take a
    /// magnetometer sample, update the occupancy judgement, queue a state change or a due heartbeat, and let
    /// the uplink send what is queued. The caller (device main loop or simulator) sleeps
    /// <see cref="ParkingSensorSettings.SampleIntervalMs"/> between wake-ups.
    /// </summary>
    public sealed class ParkingSensorProgram
    {
        private readonly IMagnetometer _magnetometer;
        private readonly IBoardClock _clock;
        private readonly BoardUplink _uplink;
        private readonly ParkingSensorSettings _settings;
        private readonly BayOccupancyDetector _detector;
        private long _stateSinceUnixMs;
        private long _nextHeartbeatUnixMs;

        /// <summary>Wires the program to its hardware.</summary>
        public ParkingSensorProgram(IMagnetometer magnetometer, IBoardClock clock, BoardUplink uplink, ParkingSensorSettings settings)
        {
            _magnetometer = magnetometer;
            _clock = clock;
            _uplink = uplink;
            _settings = settings;
            _detector = new BayOccupancyDetector(settings.Detector);
            _stateSinceUnixMs = clock.NowUnixMs;
            _nextHeartbeatUnixMs = clock.NowUnixMs + settings.HeartbeatIntervalMs;
        }

        /// <summary>The bay's current state as judged by the detector.</summary>
        public BayState State { get { return _detector.State; } }

        /// <summary>Samples taken since boot.</summary>
        public long Samples { get; private set; }

        /// <summary>Samples the magnetometer failed to deliver since boot.</summary>
        public long SensorFaults { get; private set; }

        /// <summary>State changes reported since boot.</summary>
        public long StateChanges { get; private set; }

        /// <summary>The board's uplink (queue, connection state).</summary>
        public BoardUplink Uplink { get { return _uplink; } }

        /// <summary>One wake-up: sample, judge, report, send.</summary>
        public void Wake()
        {
            long now = _clock.NowUnixMs;
            int x;
            int y;
            int z;
            if (_magnetometer.TryReadField(out x, out y, out z))
            {
                Samples++;
                if (_detector.Update(x, y, z))
                {
                    ReportStateChange(now);
                }
            }
            else
            {
                SensorFaults++;
            }

            if (now >= _nextHeartbeatUnixMs)
            {
                ReportHeartbeat();
                _nextHeartbeatUnixMs = now + _settings.HeartbeatIntervalMs;
            }

            _uplink.Service();
        }

        /// <summary>Forgets the empty-bay baseline (the bay must be empty): the gateway's recalibration command.</summary>
        public void Recalibrate()
        {
            _detector.Recalibrate();
        }

        private void ReportStateChange(long now)
        {
            StateChanges++;
            JsonPayloadWriter message = _uplink.BeginMessage();
            message.String("state", BayStateNames.Of(_detector.State));
            message.Number("previousDurationS", (now - _stateSinceUnixMs) / 1000);
            message.Number("deviationNt", _detector.LastDeviationNanotesla);
            _uplink.Commit(_uplink.Topics.State, MessagePriority.StateChange);
            _stateSinceUnixMs = now;
        }

        private void ReportHeartbeat()
        {
            JsonPayloadWriter message = _uplink.BeginMessage();
            message.String("state", BayStateNames.Of(_detector.State));
            message.Number("samples", Samples);
            message.Number("sensorFaults", SensorFaults);
            message.Number("stateChanges", StateChanges);
            message.Number("queued", _uplink.Queue.Count);
            message.Number("droppedHeartbeats", _uplink.Queue.DroppedHeartbeats);
            message.Number("droppedStateChanges", _uplink.Queue.DroppedStateChanges);
            _uplink.Commit(_uplink.Topics.Heartbeat, MessagePriority.Heartbeat);
        }
    }
}
