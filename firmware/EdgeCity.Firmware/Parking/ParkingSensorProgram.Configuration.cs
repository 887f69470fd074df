using EdgeCity.Firmware.Configuration;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// The parking program's configuration at run time (<see cref="BoardConfigurationRuntime"/>): safe mode after a
    /// boot loop or without a usable configuration, and configurations pushed by the gateway. A program without one
    /// attached (the demo's and the benchmarks' boards) runs exactly as before.
    /// </summary>
    public sealed partial class ParkingSensorProgram
    {
        /// <summary>How soon a board on probation wakes again to retry the gateway (the uplink's backoff still applies).</summary>
        public const int ProbationRetryMs = 5000;

        private BoardConfigurationRuntime? _configuration;
        private bool _safeModeAnnounced;

        /// <summary>True while the board runs uplink only (boot loop caught, or no usable configuration).</summary>
        public bool InSafeMode { get { return _configuration != null && _configuration.InSafeMode; } }

        /// <summary>The pushed configuration's state, or null when no configuration is attached.</summary>
        public RemoteConfiguration? RemoteConfiguration { get { return _configuration == null ? null : _configuration.Remote; } }

        private bool ConfigurationOnProbation { get { return _configuration != null && _configuration.OnProbation; } }

        /// <summary>Runs the program under <paramref name="configuration"/>; the detector's thresholds follow it.</summary>
        public void AttachConfiguration(BoardConfigurationRuntime configuration)
        {
            if (configuration == null)
            {
                throw new System.ArgumentNullException("configuration");
            }

            _configuration = configuration;
            ApplyThresholds(configuration.Current);
        }

        private bool CheckSafeMode(long now)
        {
            return _configuration != null && _configuration.CheckSafeMode(now);
        }

        private int SafeModeWake(long now)
        {
            // Uplink only: no sensor is touched (one of them may be what resets the board). Say so at once, then daily;
            // look for a good configuration at every maintenance wake.
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
            ServiceDownlink();
            if (_settings.RadioOffWhenIdle && _uplink.Queue.Count == 0 && !ConfigurationOnProbation)
            {
                _uplink.Close();
            }

            return ConfigurationOnProbation || _uplink.Queue.Count > 0 ? ProbationRetryMs : _settings.MaintenanceIntervalMs;
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
            if (_configuration != null)
            {
                _configuration.WriteStatus(message);
            }
        }
    }
}
