using EdgeCity.Firmware.Hardware;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// The parking bay sensor board's program. The processor sleeps; the magnetometer's threshold interrupt
    /// (or the low-power coprocessor watching it) wakes it when the field moves away from the armed reference,
    /// and a timer wakes it for maintenance. Each <see cref="Wake"/> takes one sample; while a change is being
    /// confirmed it asks to be woken again after <see cref="ParkingSensorSettings.FastIntervalMs"/>, otherwise
    /// it re-arms the interrupt around the expected field and sleeps until the next maintenance or heartbeat.
    /// The radio is used only for a state change (with how long the previous state lasted) and the heartbeat.
    /// Nothing here allocates after start-up.
    /// </summary>
    public sealed partial class ParkingSensorProgram
    {
        private const int MemoryRecordBytes = 48;
        private const int MemoryMagic = 0x45435042; // "BPCE": a record of this program, format 1
        private const int StuckAfterIdenticalSamples = 6;
        private const int CommandIdOffset = 44; // after the magic (4) and the detector's 40 bytes

        private readonly ParkingBoardHardware _hardware;
        private readonly IBoardClock _clock;
        private readonly BoardUplink _uplink;
        private readonly ParkingSensorSettings _settings;
        private readonly BayOccupancyDetector _detector;
        private readonly byte[] _memoryRecord = new byte[MemoryRecordBytes];
        private long _stateSinceUnixMs;
        private long _nextHeartbeatUnixMs;
        private int _lastMilliCelsius = 25000;
        private int _lastBatteryMillivolts = -1;
        private int _lastX;
        private int _lastY;
        private int _lastZ;
        private bool _disturbed;
        private long _disturbedSinceUnixMs;
        private int _identicalSamples;
        private int _disturbedRecheckMs = 2000;
        private long _lastSampleUnixMs;

        /// <summary>Boots the program: restores the detector from non-volatile memory if it holds a valid record.</summary>
        public ParkingSensorProgram(ParkingBoardHardware hardware, IBoardClock clock, BoardUplink uplink, ParkingSensorSettings settings)
        {
            _hardware = hardware;
            _clock = clock;
            _uplink = uplink;
            _settings = settings;
            _detector = new BayOccupancyDetector(settings.Detector);
            _stateSinceUnixMs = clock.NowUnixMs;
            _nextHeartbeatUnixMs = clock.NowUnixMs + settings.HeartbeatIntervalMs;
            _downlinkBuffer = new byte[DownlinkBufferBytes];
            ResumedFromMemory = RestoreFromMemory();
        }

        /// <summary>The bay's current state as judged by the detector.</summary>
        public BayState State { get { return _detector.State; } }

        /// <summary>True when the detector's state came from non-volatile memory at boot (no recalibration).</summary>
        public bool ResumedFromMemory { get; private set; }

        /// <summary>Processor wake-ups since boot.</summary>
        public long Wakes { get; private set; }

        /// <summary>Magnetometer samples taken by the processor since boot.</summary>
        public long Samples { get; private set; }

        /// <summary>Distance-sensor readings since boot (each costs a ranging burst).</summary>
        public long DistanceReadings { get; private set; }

        /// <summary>Samples the magnetometer failed to deliver since boot.</summary>
        public long SensorFaults { get; private set; }

        /// <summary>True while the magnetometer's output is frozen (identical samples): reported, never read as a car.</summary>
        public bool SensorStuck { get; private set; }

        /// <summary>State changes reported since boot.</summary>
        public long StateChanges { get; private set; }

        /// <summary>True once the battery fell below the critical threshold (energy-saving mode).</summary>
        public bool BatteryCritical { get; private set; }

        /// <summary>The detector (for diagnostics and tests).</summary>
        public BayOccupancyDetector Detector { get { return _detector; } }

        /// <summary>The board's uplink (queue, connection state).</summary>
        public BoardUplink Uplink { get { return _uplink; } }

        /// <summary>
        /// One wake-up: sample, judge, report, send, re-arm. Returns how long to sleep (ms) before the next
        /// timer wake; the field-change interrupt may wake the board sooner.
        /// </summary>
        public int Wake(WakeCause cause)
        {
            Wakes++;
            if (cause == WakeCause.FieldChanged)
            {
                _hardware.Wake.ClearWake();
            }

            long now = _clock.NowUnixMs;
            if (CheckSafeMode(now))
            {
                return SafeModeWake(now);
            }

            Sample(now);

            if (now >= _nextHeartbeatUnixMs)
            {
                ReportHeartbeat();
                long interval = BatteryCritical ? _settings.HeartbeatIntervalMs * 7 : _settings.HeartbeatIntervalMs;
                _nextHeartbeatUnixMs = now + interval;
            }

            if (_uplink.Queue.Count > 0)
            {
                _uplink.Service();
                ServiceDownlink();
                if (_uplink.Queue.Count > 0)
                {
                    _uplink.Service(); // the answers to downlink messages, while the radio is on
                }

                if (_settings.RadioOffWhenIdle && _uplink.Queue.Count == 0)
                {
                    _uplink.Close();
                }
            }

            if (_detector.Confirming)
            {
                return _settings.FastIntervalMs;
            }

            if (ConfigurationOnProbation)
            {
                return ProbationRetryMs;
            }

            ArmWake();
            if (_disturbed && _hardware.Distance != null && now - _disturbedSinceUnixMs < _settings.SettleWindowMs)
            {
                // Something just came and has not settled: range it closely for the few seconds a vehicle takes
                // to pull in, so a weak one (a motorbike) the distance sensor sees is confirmed on time. Boards
                // without one gain nothing from it (a magnetic signature must hold still anyway).
                return _settings.FastIntervalMs;
            }

            if (_disturbed)
            {
                // Something is there but not (yet) steady: look again shortly, so a vehicle that finishes
                // pulling in without moving the field much further is still confirmed in time; back off while
                // it lasts, so a long disturbance does not drain the battery.
                int recheck = _disturbedRecheckMs;
                _disturbedRecheckMs = _disturbedRecheckMs >= _settings.MaintenanceIntervalMs / 2 ? _settings.MaintenanceIntervalMs : _disturbedRecheckMs * 2;
                return recheck;
            }

            _disturbedRecheckMs = _settings.DisturbedRecheckMs;

            long sleep = BatteryCritical ? (long)_settings.MaintenanceIntervalMs * 4 : _settings.MaintenanceIntervalMs;
            long untilHeartbeat = _nextHeartbeatUnixMs - now;
            if (untilHeartbeat < sleep)
            {
                sleep = untilHeartbeat < _settings.FastIntervalMs ? _settings.FastIntervalMs : untilHeartbeat;
            }

            if (_uplink.Queue.Count > 0 && sleep > 60000)
            {
                // Something is waiting for the broker: retry within a minute (the uplink backs off by itself).
                sleep = 60000;
            }

            return (int)sleep;
        }

        /// <summary>Forgets the empty-bay baseline (the bay must be empty): the gateway's recalibration command.</summary>
        public void Recalibrate()
        {
            _detector.Recalibrate();
        }

        private void Sample(long now)
        {
            int x;
            int y;
            int z;
            if (!_hardware.Magnetometer.TryReadField(out x, out y, out z))
            {
                // A failing chip is a fault to report, never a car: the state stays as it was.
                SensorFaults++;
                return;
            }

            Samples++;

            // A live magnetometer always flickers in its last bits; a frozen output is a latched-up chip.
            _identicalSamples = x == _lastX && y == _lastY && z == _lastZ ? _identicalSamples + 1 : 0;
            if (_identicalSamples >= StuckAfterIdenticalSamples)
            {
                SensorFaults++;
                SensorStuck = true;
                return;
            }

            SensorStuck = false;
            _lastX = x;
            _lastY = y;
            _lastZ = z;
            int milliCelsius;
            if (_hardware.Temperature != null && _hardware.Temperature.TryReadTemperature(out milliCelsius))
            {
                _lastMilliCelsius = milliCelsius;
            }

            // Ranging costs ~20 mA for ~30 ms: only while something is being confirmed.
            int distanceMm = -1;
            if (_hardware.Distance != null && (_detector.Confirming || _disturbed || _detector.LastDeviationNanotesla >= _settings.Detector.ConfirmedByDistanceThresholdNanotesla))
            {
                int mm;
                if (_hardware.Distance.TryReadDistance(out mm))
                {
                    distanceMm = mm;
                }

                DistanceReadings++;
            }

            // How long since the last sample: an offset that lasts hours is drift, one that lasts seconds is not.
            _detector.SampleSpacingMs = _lastSampleUnixMs == 0 || now - _lastSampleUnixMs > int.MaxValue ? _settings.MaintenanceIntervalMs : (int)(now - _lastSampleUnixMs);
            _lastSampleUnixMs = now;
            if (_detector.Update(x, y, z, _lastMilliCelsius, distanceMm))
            {
                ReportStateChange(now);
                OnStateChanged();
                SaveToMemory();
            }

            bool wasDisturbed = _disturbed;
            _disturbed = _detector.State == BayState.Free
                ? _detector.LastDeviationNanotesla > _settings.WakeThresholdNanotesla
                : Far(x, y, z, _detector.Signature(0), _detector.Signature(1), _detector.Signature(2));
            if (_disturbed && !wasDisturbed)
            {
                _disturbedSinceUnixMs = now;
            }
        }

        private void ArmWake()
        {
            if (_disturbed)
            {
                // The field is away from both the empty bay and the parked vehicle (a passing car, a tram, a
                // neighbour manoeuvring) but not steadily: wake again only when it moves on, not every second.
                _hardware.Wake.ArmWake(_lastX, _lastY, _lastZ, _settings.WakeThresholdNanotesla);
                return;
            }

            bool occupied = _detector.State == BayState.Occupied;
            int t = _lastMilliCelsius;
            int rx = (int)(occupied ? _detector.Signature(0) : _detector.Expected(0, t));
            int ry = (int)(occupied ? _detector.Signature(1) : _detector.Expected(1, t));
            int rz = (int)(occupied ? _detector.Signature(2) : _detector.Expected(2, t));
            _hardware.Wake.ArmWake(rx, ry, rz, _settings.WakeThresholdNanotesla);
        }

        private bool Far(int x, int y, int z, long rx, long ry, long rz)
        {
            int t = _settings.WakeThresholdNanotesla;
            return IntegerMath.Abs(x - rx) > t || IntegerMath.Abs(y - ry) > t || IntegerMath.Abs(z - rz) > t;
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
            int millivolts;
            if (_hardware.Battery != null && _hardware.Battery.TryReadBattery(out millivolts))
            {
                _lastBatteryMillivolts = millivolts;
                BatteryCritical = millivolts < _settings.BatteryCriticalMillivolts;
            }

            JsonPayloadWriter message = _uplink.BeginMessage();
            message.String("state", BayStateNames.Of(_detector.State));
            message.String("fw", ParkingSensorSettings.FirmwareVersion);
            message.String("resetCause", _uplink.ResetCause);
            message.Number("batteryMv", _lastBatteryMillivolts);
            message.Boolean("batteryLow", _lastBatteryMillivolts >= 0 && _lastBatteryMillivolts < _settings.BatteryLowMillivolts);
            message.Boolean("batteryCritical", BatteryCritical);
            message.Number("temperatureMc", _lastMilliCelsius);
            message.Number("wakes", Wakes);
            message.Number("samples", Samples);
            message.Number("sensorFaults", SensorFaults);
            message.Boolean("sensorStuck", SensorStuck);
            message.Number("stateChanges", StateChanges);
            message.Number("queued", _uplink.Queue.Count);
            message.Number("droppedHeartbeats", _uplink.Queue.DroppedHeartbeats);
            message.Number("droppedStateChanges", _uplink.Queue.DroppedStateChanges);
            WriteConfigurationStatus(message);
            _uplink.Commit(_uplink.Topics.Heartbeat, MessagePriority.Heartbeat);
        }

        private bool RestoreFromMemory()
        {
            if (!_hardware.Memory.TryLoad(_memoryRecord, MemoryRecordBytes) || Bytes.GetInt(_memoryRecord, 0) != MemoryMagic)
            {
                return false;
            }

            // Kept even when the detector was mid-recalibration (it then calibrates afresh): a command is run once.
            _lastCommandId = Bytes.GetInt(_memoryRecord, CommandIdOffset);
            return _detector.Restore(_memoryRecord, 4);
        }

        private void SaveToMemory()
        {
            Bytes.PutInt(_memoryRecord, 0, MemoryMagic);
            _detector.Save(_memoryRecord, 4);
            Bytes.PutInt(_memoryRecord, CommandIdOffset, _lastCommandId);
            _hardware.Memory.Save(_memoryRecord, MemoryRecordBytes);
        }
    }
}
