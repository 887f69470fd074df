using EdgeCity.Firmware.Configuration;
using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Shelter
{
    /// <summary>
    /// The shelter program's configuration at run time (<see cref="BoardConfigurationRuntime"/>): safe mode after a
    /// boot loop or without a usable configuration — panel off, no shock sensing, uplink only — and configurations
    /// pushed by the gateway (version reported in the heartbeat). The shelter is mains-powered and stays connected,
    /// so downlink messages are taken at every wake without waiting. Without one attached it runs as before.
    /// </summary>
    public sealed partial class ShelterProgram
    {
        private BoardConfigurationRuntime? _configuration;
        private byte[]? _downlinkBuffer;
        private bool _safeModeAnnounced;
        private bool _startDeferred;

        /// <summary>True while the board runs uplink only (boot loop caught, or no usable configuration).</summary>
        public bool InSafeMode { get { return _configuration != null && _configuration.InSafeMode; } }

        /// <summary>The configuration in force, or null when none is attached.</summary>
        public BoardConfigurationRuntime? Configuration { get { return _configuration; } }

        /// <summary>Runs the program under <paramref name="configuration"/>.</summary>
        public void AttachConfiguration(BoardConfigurationRuntime configuration)
        {
            if (configuration == null)
            {
                throw new System.ArgumentNullException("configuration");
            }

            _configuration = configuration;
            _downlinkBuffer = new byte[RemoteConfiguration.MaxPayloadBytes];
        }

        private bool CheckSafeMode(long now)
        {
            return _configuration != null && _configuration.CheckSafeMode(now);
        }

        private void SafeModeWake(long now)
        {
            if (_display.IsOn)
            {
                _display.SetOn(false);
            }

            if (!_safeModeAnnounced || now >= _nextHeartbeatUnixMs)
            {
                _safeModeAnnounced = true;
                _nextHeartbeatUnixMs = now + _settings.HeartbeatIntervalMs;
                JsonPayloadWriter message = _uplink.BeginMessage();
                message.String("mode", "safe");
                WriteConfigurationStatus(message);
                _uplink.Commit(_uplink.Topics.Heartbeat, MessagePriority.StateChange);
            }

            _uplink.Service();
            ServiceConfiguration();
            NextWakeUnixMs = now + _settings.HousekeepingIntervalMs;
        }

        private void ServiceConfiguration()
        {
            if (_configuration == null || _downlinkBuffer == null)
            {
                return;
            }

            _configuration.Service(_uplink);
            string? topic;
            int length;
            while (!_configuration.OnProbation && (length = _uplink.ReceiveDownlink(_downlinkBuffer, 0, out topic)) >= 0)
            {
                if (topic == _uplink.Topics.ConfigDownlink)
                {
                    _configuration.Accept(_uplink, _downlinkBuffer, length);
                }

                // Schedule (service hours) and command messages are routed here by their features.
            }

            if (_startDeferred && !_configuration.InSafeMode)
            {
                _startDeferred = false;
                Start(); // a good configuration ended safe mode: sensors and panel as normal
            }
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
