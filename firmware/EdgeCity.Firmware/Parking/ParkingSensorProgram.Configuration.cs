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

        /// <summary>How long a connected board waits for retained downlink messages (they follow a connect by a few ms).</summary>
        public const int DownlinkWaitMs = 300;

        private BoardConfigurationRuntime? _configuration;
        private byte[]? _downlinkBuffer;
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
            _downlinkBuffer = new byte[RemoteConfiguration.MaxPayloadBytes];
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
            ServiceConfiguration();
            if (_settings.RadioOffWhenIdle && _uplink.Queue.Count == 0 && !ConfigurationOnProbation)
            {
                _uplink.Close();
            }

            return ConfigurationOnProbation || _uplink.Queue.Count > 0 ? ProbationRetryMs : _settings.MaintenanceIntervalMs;
        }

        /// <summary>After the uplink's service: probation, then what arrived on the downlink.</summary>
        private void ServiceConfiguration()
        {
            if (_configuration == null || _downlinkBuffer == null)
            {
                return;
            }

            bool changed = _configuration.Service(_uplink);
            string? topic;
            int length;
            int waitMs = DownlinkWaitMs;
            while (!_configuration.OnProbation && (length = _uplink.ReceiveDownlink(_downlinkBuffer, waitMs, out topic)) >= 0)
            {
                waitMs = 0;
                if (topic == _uplink.Topics.ConfigDownlink)
                {
                    changed |= _configuration.Accept(_uplink, _downlinkBuffer, length);
                }

                // Schedule and command messages are routed here by their features (none on a parking sensor yet).
            }

            if (changed)
            {
                ApplyThresholds(_configuration.Current);
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
            if (_configuration != null)
            {
                _configuration.WriteStatus(message);
            }
        }
    }
}
