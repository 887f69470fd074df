using EdgeCity.Firmware.Drivers.Ssd1322;
using EdgeCity.Firmware.Hardware;
using EdgeCity.Firmware.Shelter.Display;
using EdgeCity.Firmware.Shelter.Power;
using EdgeCity.Firmware.Shelter.Shock;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Shelter
{
    /// <summary>
    /// The BIT shelter board's program. The board sleeps between wakes; it wakes on the accelerometer's INT1,
    /// on the PIR (when the panel is off), and at <see cref="NextWakeUnixMs"/> (page rotation, burst polling,
    /// housekeeping). Each <see cref="Wake"/> books energy, classifies shocks (an alarm is queued ahead of
    /// everything and sent at once), follows light, schedule and presence, draws the page, and sends what is
    /// queued. Steady state allocates nothing.
    /// </summary>
    public sealed partial class ShelterProgram
    {
        private const long MsPerDay = 24L * 3600 * 1000;

        private readonly IDigitalInput _presence;
        private readonly ILightSensor _light;
        private readonly IPanelCurrentSensor _panelCurrent;
        private readonly IBoardClock _clock;
        private readonly BoardUplink _uplink;
        private readonly ShelterSettings _settings;
        private readonly ShockMonitor _shock;
        private readonly Ssd1322Display _display;
        private readonly GreyFrame _frame;
        private readonly GreyFrame _blank;
        private readonly ArrivalPageComposer _composer;
        private readonly AmbientLightGate _lightGate;
        private readonly DisplayPowerPolicy _policy;
        private readonly DisplayHealthMonitor _health;
        private readonly EnergyAccount _energy;

        private bool _restLearned;
        private long _lastPresenceUnixMs = long.MinValue / 2;
        private long _nextHousekeepingUnixMs;
        private long _nextProbeUnixMs;
        private long _nextOrientationUnixMs;
        private long _nextRotationUnixMs;
        private long _nextHeartbeatUnixMs;
        private int _page;
        private int _drawnVersion = -1;
        private int _panelMicroamps;
        private int _baselineMicroamps;
        private int _pageExpectedMicroamps;
        private bool _alarmQueued;

        /// <summary>Wires the program to the board's hardware.</summary>
        public ShelterProgram(IRegisterBus accelerometerBus, IDigitalInput accelerometerInterrupt, IDigitalInput presence,
            ILightSensor light, IDisplayBus displayBus, IPanelCurrentSensor panelCurrent, IBoardClock clock,
            BoardUplink uplink, ShelterSettings settings)
        {
            _presence = presence;
            _light = light;
            _panelCurrent = panelCurrent;
            _clock = clock;
            _uplink = uplink;
            _settings = settings;
            _shock = new ShockMonitor(accelerometerBus, accelerometerInterrupt, settings.Shock);
            _display = new Ssd1322Display(displayBus);
            _frame = new GreyFrame(Ssd1322Display.WidthPx, Ssd1322Display.HeightPx);
            _blank = new GreyFrame(Ssd1322Display.WidthPx, Ssd1322Display.HeightPx);
            _composer = new ArrivalPageComposer(_frame);
            _lightGate = new AmbientLightGate(settings.Power);
            _policy = new DisplayPowerPolicy(settings.Power);
            _health = new DisplayHealthMonitor();
            long now = clock.NowUnixMs;
            _energy = new EnergyAccount(settings.Power, now);
            Hours = new ServiceHours(settings.Power.DefaultFirstBusMinute, settings.Power.DefaultLastBusMinute);
            Board = new ArrivalBoard();
            _baselineMicroamps = (int)(((long)settings.Power.PanelFullWhiteMicroamps * settings.Power.TypicalLitPermille) / 1000);
            _nextHousekeepingUnixMs = now;
            _nextHeartbeatUnixMs = now + settings.HeartbeatIntervalMs;
            NextWakeUnixMs = now;
        }

        /// <summary>What the display shows; the gateway's pushes land here.</summary>
        public ArrivalBoard Board { get; private set; }

        /// <summary>The stop's service hours; the gateway's pushes land here.</summary>
        public ServiceHours Hours { get; private set; }

        /// <summary>The board's uplink (queue, connection).</summary>
        public BoardUplink Uplink { get { return _uplink; } }

        /// <summary>Shock sensing (classifier counters, chip faults).</summary>
        public ShockMonitor Shock { get { return _shock; } }

        /// <summary>The energy account.</summary>
        public EnergyAccount Energy { get { return _energy; } }

        /// <summary>The display's mode and brightness.</summary>
        public DisplayPowerPolicy DisplayPolicy { get { return _policy; } }

        /// <summary>The display's health verdict.</summary>
        public DisplayHealthMonitor DisplayHealth { get { return _health; } }

        /// <summary>The frame last drawn (what the panel should show).</summary>
        public GreyFrame Frame { get { return _frame; } }

        /// <summary>Alarms queued since start.</summary>
        public long AlarmsQueued { get; private set; }

        /// <summary>Frames written to the panel since start (pages and probes).</summary>
        public long FramesWritten { get; private set; }

        /// <summary>When the board must wake next at the latest (it also wakes on INT1, and on the PIR while the panel is off).</summary>
        public long NextWakeUnixMs { get; private set; }

        /// <summary>True while a PIR edge should wake the board (the panel is off or in a presence hold).</summary>
        public bool WakesOnPresence
        {
            get { return _policy.Mode != DisplayMode.Day; }
        }

        /// <summary>Starts the accelerometer's interrupt engine and the display controller (panel off).</summary>
        public void Start()
        {
            if (InSafeMode)
            {
                _startDeferred = true; // the accelerometer or the display may be what resets the board
                return;
            }

            _shock.Start();
            _display.Initialize();
        }

        /// <summary>The gateway pushed the stop's first and last bus (minutes after local midnight).</summary>
        public void SetServiceHours(int firstBusMinute, int lastBusMinute)
        {
            Hours.Set(firstBusMinute, lastBusMinute);
        }

        /// <summary>One wake-up.</summary>
        public void Wake()
        {
            long now = _clock.NowUnixMs;
            long local = now + ((long)_settings.Power.UtcOffsetMinutes * 60000);
            int localDay = (int)(local / MsPerDay);
            int minuteOfDay = (int)((local % MsPerDay) / 60000);
            _energy.Book(now, _display.IsOn ? _panelMicroamps : 0, _baselineMicroamps, localDay);
            if (CheckSafeMode(now))
            {
                SafeModeWake(now);
                return;
            }

            if (_shock.NeedsAttention)
            {
                _shock.Service(now);
            }

            bool presence = _presence.IsActive;
            if (presence)
            {
                _lastPresenceUnixMs = now;
            }

            bool sendHeartbeat = false;
            if (now >= _nextHousekeepingUnixMs)
            {
                Housekeeping(now);
                _nextHousekeepingUnixMs = now + _settings.HousekeepingIntervalMs;
            }

            QueueAlarms();
            UpdateDisplay(now, minuteOfDay, ref sendHeartbeat);
            if (now >= _nextHeartbeatUnixMs || sendHeartbeat)
            {
                ReportHeartbeat();
                _nextHeartbeatUnixMs = now + _settings.HeartbeatIntervalMs;
            }

            if (_alarmQueued)
            {
                _alarmQueued = false;
                _uplink.ServiceUrgently();
            }
            else
            {
                _uplink.Service();
            }

            ServiceConfiguration();

            NextWakeUnixMs = NextWake(now);
        }

        private void Housekeeping(long now)
        {
            if (!_restLearned && _shock.Running)
            {
                _restLearned = _shock.LearnRestOrientation();
            }
            else if (_restLearned && now >= _nextOrientationUnixMs)
            {
                _shock.CheckOrientation(now);
                _nextOrientationUnixMs = now + _settings.OrientationCheckIntervalMs;
            }

            int lux;
            if (_light.TryReadIlluminance(out lux))
            {
                _lightGate.Update(lux);
            }
        }

        private void QueueAlarms()
        {
            ShockAlarm alarm;
            while (_shock.Classifier.TryTakeAlarm(out alarm))
            {
                JsonPayloadWriter message = _uplink.BeginMessage();
                message.String("alarm", ShockAlarmNames.Of(alarm.Kind));
                message.Number("severity", alarm.Severity);
                message.Number("impactTs", alarm.ImpactUnixMs);
                message.Number("peakMg", alarm.PeakMg);
                message.Number("durationMs", alarm.DurationMs);
                message.Number("hits", alarm.Hits);
                message.Number("tiltDeg", alarm.TiltDegrees);
                message.Number("suppressed", alarm.Suppressed);
                message.Hex("evidence", alarm.Evidence, ShockAlarm.EvidenceSamples);
                _uplink.Commit(_uplink.Topics.Alarm, MessagePriority.Alarm);
                AlarmsQueued++;
                _alarmQueued = true;
            }
        }

        private void UpdateDisplay(long now, int minuteOfDay, ref bool sendHeartbeat)
        {
            bool inService = Hours.IsInService(minuteOfDay);
            bool presenceRecent = now - _lastPresenceUnixMs <= _settings.Power.PresenceHoldMs;
            bool changed = _policy.Decide(inService, _lightGate.IsDark, presenceRecent, _lightGate.LastLux);
            if (_policy.Mode == DisplayMode.Off)
            {
                if (_display.IsOn)
                {
                    _display.SetOn(false);
                }

                return;
            }

            bool redraw = changed || now >= _nextRotationUnixMs || Board.Version != _drawnVersion;
            if (changed)
            {
                _display.SetContrast((int)(((long)_policy.Nits * 255) / _settings.Power.PanelMaxNits));
            }

            if (redraw)
            {
                if (now >= _nextRotationUnixMs && !changed)
                {
                    _page++;
                }

                DrawPage(minuteOfDay);
                _nextRotationUnixMs = now + _settings.RotationIntervalMs;
            }

            if (!_display.IsOn)
            {
                _display.SetOn(true);
            }

            if (now >= _nextProbeUnixMs)
            {
                _nextProbeUnixMs = now + _settings.DisplayProbeIntervalMs;
                if (Probe())
                {
                    sendHeartbeat = true;
                }
            }
            else if (redraw)
            {
                MeasurePanel();
            }
        }

        private void DrawPage(int minuteOfDay)
        {
            int pages = Board.HasNotice ? 2 * ShelterPhrases.Languages : ShelterPhrases.Languages;
            _page %= pages;
            ShelterLanguage language = (ShelterLanguage)(Board.HasNotice ? _page / 2 : _page);
            if (_policy.Mode == DisplayMode.ServiceEnded)
            {
                _composer.ComposeServiceEnded(Board, language, minuteOfDay, Hours.FirstBusMinute);
            }
            else if (Board.HasNotice && (_page & 1) == 1)
            {
                _composer.ComposeNotice(Board, language, minuteOfDay);
            }
            else
            {
                _composer.ComposeArrivals(Board, language, minuteOfDay);
            }

            _drawnVersion = Board.Version;
            _display.WriteFrame(_frame.Bytes);
            FramesWritten++;

            // What the page draws at full contrast: the always-on baseline; scaled by the contrast: the expectation.
            int pixels = _frame.WidthPx * _frame.HeightPx;
            long fullContrast = ((long)_settings.Power.PanelFullWhiteMicroamps * _frame.GreySum()) / (15L * pixels);
            _baselineMicroamps = (int)fullContrast;
            _pageExpectedMicroamps = (int)((fullContrast * _display.Contrast) / 255);
        }

        private void MeasurePanel()
        {
            int microamps;
            _panelMicroamps = _panelCurrent.TryReadMicroamps(out microamps) ? microamps : _pageExpectedMicroamps;
        }

        private bool Probe()
        {
            MeasurePanel();
            int page = _panelMicroamps;
            _display.WriteFrame(_blank.Bytes);
            int blank;
            if (!_panelCurrent.TryReadMicroamps(out blank))
            {
                blank = 0;
            }

            _display.WriteFrame(_frame.Bytes);
            FramesWritten += 2;
            return _health.Judge(_pageExpectedMicroamps, page, blank);
        }

        private void ReportHeartbeat()
        {
            ShockClassifier shocks = _shock.Classifier;
            JsonPayloadWriter message = _uplink.BeginMessage();
            message.String("mode", ModeName(_policy.Mode));
            message.Number("nits", _policy.Nits);
            message.Number("lux", _lightGate.LastLux);
            message.String("display", DisplayHealthMonitor.NameOf(_health.Health));
            message.Number("energyTodayMwh", _energy.TodayMilliwattHours);
            message.Number("energyYesterdayMwh", _energy.YesterdayMilliwattHours);
            message.Number("savedYesterdayMwh", _energy.YesterdaySavedMilliwattHours);
            message.Number("vibrations", shocks.Vibrations);
            message.Number("knocks", shocks.Knocks);
            message.Number("alarms", AlarmsQueued);
            message.Number("tiltDeg", shocks.LastTiltDegrees);
            message.Number("accelFaults", _shock.Faults);
            message.Number("queued", _uplink.Queue.Count);
            message.Number("droppedHeartbeats", _uplink.Queue.DroppedHeartbeats);
            WriteConfigurationStatus(message);
            _uplink.Commit(_uplink.Topics.Heartbeat, MessagePriority.Heartbeat);
        }

        private long NextWake(long now)
        {
            long next = _nextHousekeepingUnixMs;
            if (_shock.NeedsAttention)
            {
                next = Earliest(next, now + _settings.BurstPollIntervalMs);
            }

            if (_policy.Mode != DisplayMode.Off)
            {
                next = Earliest(next, _nextRotationUnixMs);
                if (_policy.Mode != DisplayMode.Day)
                {
                    // A presence hold ends: the panel must go off on time, not at the next housekeeping.
                    next = Earliest(next, _lastPresenceUnixMs + _settings.Power.PresenceHoldMs + 1);
                }
            }

            next = Earliest(next, _nextHeartbeatUnixMs);
            return next > now ? next : now + 1;
        }

        private static long Earliest(long a, long b)
        {
            return a < b ? a : b;
        }

        private static string ModeName(DisplayMode mode)
        {
            switch (mode)
            {
                case DisplayMode.Day:
                    return "day";
                case DisplayMode.Night:
                    return "night";
                case DisplayMode.ServiceEnded:
                    return "service-ended";
                default:
                    return "off";
            }
        }
    }
}
