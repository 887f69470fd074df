using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Firmware.Configuration
{
    /// <summary>
    /// Decides at boot how the board runs: normally, with its deployed <see cref="BoardConfiguration"/>, or in safe
    /// mode — uplink only, no sensors or display, faults reported — when the configuration cannot be used or the
    /// <see cref="BootLoopGuard"/> caught a boot loop. Safe mode ends only when a good configuration is applied.
    /// </summary>
    public sealed class BootSupervisor
    {
        private readonly BootLoopGuard _guard;
        private BoardConfiguration _configuration = BoardConfiguration.SafeDefault(ConfigurationFault.Missing, string.Empty);

        /// <summary>Creates the supervisor over the board's boot-loop guard.</summary>
        public BootSupervisor(BootLoopGuard guard)
        {
            if (guard == null)
            {
                throw new System.ArgumentNullException("guard");
            }

            _guard = guard;
        }

        /// <summary>The configuration the board runs on (the safe default in safe mode when the file was bad).</summary>
        public BoardConfiguration Configuration { get { return _configuration; } }

        /// <summary>True when the board must run uplink only and report (see <see cref="FaultCodes"/>).</summary>
        public bool InSafeMode { get { return _guard.InSafeMode || _configuration.IsSafeDefault; } }

        /// <summary>Comma-separated fault codes ("boot-loop:5,config-missing"), or empty in normal mode.</summary>
        public string FaultCodes
        {
            get
            {
                string loop = _guard.FaultCode;
                string config = _configuration.FaultCode;
                return loop.Length > 0 && config.Length > 0 ? loop + "," + config : loop + config;
            }
        }

        /// <summary>Call once at boot with the configuration file's bytes (null when there is none).</summary>
        /// <returns><see cref="InSafeMode"/>.</returns>
        public bool Boot(byte[]? configurationFile, int length)
        {
            _guard.OnBoot();
            _configuration = BoardConfigurationReader.Read(configurationFile, length);
            return InSafeMode;
        }

        /// <summary>
        /// A new configuration arrived (written to storage by a re-flash, later by a remote push). A good one replaces
        /// the current one and ends safe mode; a bad one is ignored and the board keeps what it runs on.
        /// </summary>
        /// <returns>True when applied (<paramref name="rejected"/> null); false with the reason in <paramref name="rejected"/>.</returns>
        public bool TryApply(byte[] configurationFile, int length, out BoardConfiguration? rejected)
        {
            BoardConfiguration candidate = BoardConfigurationReader.Read(configurationFile, length);
            if (candidate.IsSafeDefault)
            {
                rejected = candidate;
                return false;
            }

            rejected = null;
            _configuration = candidate;
            _guard.AcceptGoodConfiguration();
            return true;
        }

        /// <summary>Call now and then with the uptime in seconds (see <see cref="BootLoopGuard.OnUptime"/>).</summary>
        public void OnUptime(int uptimeSeconds)
        {
            _guard.OnUptime(uptimeSeconds);
        }

        /// <summary>
        /// The board runs on <paramref name="configuration"/> from now on (a pushed one restored at boot, or one just
        /// applied). With <paramref name="endsSafeMode"/> it also counts as the good configuration that ends a boot
        /// loop's safe mode — pass that once the configuration has proved itself (reached the gateway).
        /// </summary>
        public void Use(BoardConfiguration configuration, bool endsSafeMode)
        {
            if (configuration == null)
            {
                throw new System.ArgumentNullException("configuration");
            }

            _configuration = configuration;
            if (endsSafeMode)
            {
                _guard.AcceptGoodConfiguration();
            }
        }

        /// <summary>Adds <c>"safeMode"</c> and, when there are any, <c>"faults"</c> to a status message being written.</summary>
        public void WriteStatus(JsonPayloadWriter message)
        {
            if (message == null)
            {
                throw new System.ArgumentNullException("message");
            }

            message.Boolean("safeMode", InSafeMode);
            string faults = FaultCodes;
            if (faults.Length > 0)
            {
                message.String("faults", faults);
            }
        }
    }
}
