using EdgeCity.Firmware.Configuration;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// The parking program's configuration at run time: the boot decision (<see cref="BootSupervisor"/>: normal or
    /// safe mode) and configurations pushed by the gateway (<see cref="RemoteConfiguration"/>). A program without
    /// them attached (the demo's and the benchmarks' boards) runs exactly as before.
    /// </summary>
    public sealed partial class ParkingSensorProgram
    {
        /// <summary>How soon a board on probation wakes again to retry the gateway (the uplink's backoff still applies).</summary>
        public const int ProbationRetryMs = 5000;

        /// <summary>How long a connected board waits for retained downlink messages (they follow a connect by a few ms).</summary>
        public const int DownlinkWaitMs = 300;

        private BootSupervisor? _supervisor;
        private RemoteConfiguration? _remote;
        private int _seenConfirmations;
        private bool _safeModeAnnounced;
        private long _bootUnixMs;

        /// <summary>True while the board runs uplink only (boot loop caught, or no usable configuration).</summary>
        public bool InSafeMode { get { return _supervisor != null && _supervisor.InSafeMode; } }

        /// <summary>The pushed configuration's state, or null when none is attached.</summary>
        public RemoteConfiguration? RemoteConfiguration { get { return _remote; } }

        private bool ConfigurationOnProbation { get { return _remote != null && _remote.OnProbation; } }

        /// <summary>
        /// Runs the program under <paramref name="supervisor"/>'s boot decision and with pushed configurations from
        /// <paramref name="remote"/> (already booted). The detector's thresholds follow the configuration in force.
        /// </summary>
        public void AttachConfiguration(BootSupervisor supervisor, RemoteConfiguration remote)
        {
            if (supervisor == null)
            {
                throw new System.ArgumentNullException("supervisor");
            }

            if (remote == null)
            {
                throw new System.ArgumentNullException("remote");
            }

            _supervisor = supervisor;
            _remote = remote;
            _bootUnixMs = _clock.NowUnixMs;
            if (remote.AppliedVersion > 0)
            {
                supervisor.Use(remote.Current, false);
            }

            ApplyThresholds(supervisor.Configuration);
        }

        /// <summary>Every wake: lets the boot-loop guard see the uptime, then says whether the board is in safe mode.</summary>
        private bool CheckSafeMode(long now)
        {
            if (_supervisor == null)
            {
                return false;
            }

            _supervisor.OnUptime((int)((now - _bootUnixMs) / 1000));
            return _supervisor.InSafeMode;
        }

        private int SafeModeWake(long now)
        {
            // Uplink only: no sensor is touched (one of them may be what resets the board). Say so at once, then daily.
            if (!_safeModeAnnounced || now >= _nextHeartbeatUnixMs)
            {
                _safeModeAnnounced = true;
                _nextHeartbeatUnixMs = now + _settings.HeartbeatIntervalMs;
                JsonPayloadWriter message = _uplink.BeginMessage();
                message.String("fw", ParkingSensorSettings.FirmwareVersion);
                message.String("resetCause", _uplink.ResetCause);
                WriteConfigurationStatus(message);
                _uplink.Commit(_uplink.Topics.Heartbeat, MessagePriority.StateChange);
            }

            _uplink.Service();
            ServiceConfiguration();
            if (_settings.RadioOffWhenIdle && _uplink.Queue.Count == 0 && !ConfigurationOnProbation)
            {
                _uplink.Close();
            }

            return ConfigurationOnProbation || _uplink.Queue.Count > 0 ? ProbationRetryMs : _settings.MaintenanceIntervalMs;
        }

        private void ServiceConfiguration()
        {
            if (_remote == null || _supervisor == null)
            {
                return;
            }

            bool changed = _remote.Service(_uplink, _uplink.IsConnected ? DownlinkWaitMs : 0);
            if (_remote.Confirmations != _seenConfirmations)
            {
                // It reached the gateway: a good configuration, which also ends a boot loop's safe mode.
                _seenConfirmations = _remote.Confirmations;
                _supervisor.Use(_remote.Current, true);
                ApplyThresholds(_remote.Current);
            }
            else if (changed)
            {
                ApplyThresholds(_remote.Current);
            }
        }

        private void ApplyThresholds(BoardConfiguration configuration)
        {
            if (configuration.IsSafeDefault)
            {
                return;
            }

            // The detector reads its settings on every sample; this board owns its settings object.
            BayDetectorSettings detector = _settings.Detector;
            detector.OccupiedThresholdNanotesla = configuration.OccupiedThresholdNanotesla;
            detector.FreeThresholdNanotesla = configuration.FreeThresholdNanotesla;
            detector.StrongThresholdNanotesla = configuration.StrongThresholdNanotesla;
            detector.ConfirmSamples = configuration.ConfirmSamples;
        }

        private void WriteConfigurationStatus(JsonPayloadWriter message)
        {
            if (_remote == null || _supervisor == null)
            {
                return;
            }

            message.Number("configVersion", _remote.AppliedVersion);
            if (_supervisor.InSafeMode)
            {
                _supervisor.WriteStatus(message);
            }
        }
    }
}
