namespace EdgeCity.Firmware.Configuration
{
    /// <summary>
    /// What the board was told at flashing time (its boards.json entry, rendered by <c>./edgecity flash</c>): who it
    /// is, which gateway it reports to, how its sensors are wired, and the detector thresholds. Read at boot by
    /// <see cref="BoardConfigurationReader"/>. When the file is missing or bad the board runs on
    /// <see cref="SafeDefault"/> — uplink to the default gateway name only — and reports <see cref="Fault"/>.
    /// Sensor arrays are parallel, <see cref="SensorCount"/> long; -1 marks an absent address or pin.
    /// </summary>
    public sealed class BoardConfiguration
    {
        /// <summary>Key layout version this firmware reads (the flasher's BoardConfigurationFile.FormatVersion).</summary>
        public const int SupportedVersion = 1;

        /// <summary>Gateway host name a board without configuration tries (mDNS name of the site gateway).</summary>
        public const string DefaultGatewayHost = "edgecity-gateway.local";

        /// <summary>MQTT port a board without configuration tries.</summary>
        public const int DefaultGatewayPort = 1883;

        /// <summary>Board id of a board without configuration; the gateway refuses it and counts it, which is the report.</summary>
        public const string UnconfiguredBoardId = "unconfigured";

        /// <summary>Board id: the MQTT client id and topic prefix.</summary>
        public string BoardId = UnconfiguredBoardId;

        /// <summary>Host name or IP address of the gateway's MQTT broker.</summary>
        public string GatewayHost = DefaultGatewayHost;

        /// <summary>TCP port of the gateway's MQTT broker (1–65535).</summary>
        public int GatewayPort = DefaultGatewayPort;

        /// <summary>The board's MQTT password (its provisioned secret), or empty when it was flashed without one.</summary>
        public string MqttSecret = string.Empty;

        /// <summary>
        /// The board's configuration-signing key, 64 hex digits (HMAC-SHA256, derived from the site key by the flasher),
        /// or empty when it was flashed without one: it then refuses every pushed configuration.
        /// </summary>
        public string ConfigKey = string.Empty;

        /// <summary>Version of a pushed configuration (1 and up, rising with each push); 0 for the file deployed by flashing.</summary>
        public int ConfigVersion;

        /// <summary>Cellular APN, or empty on Wi-Fi.</summary>
        public string Apn = string.Empty;

        /// <summary>Board program the file was rendered for ("parking-sensor", "shelter-bit"), or empty.</summary>
        public string Firmware = string.Empty;

        /// <summary>Number of sensors fitted (0–8).</summary>
        public int SensorCount;

        /// <summary>What each sensor measures ("magnetometer", "distance", …).</summary>
        public string[] SensorKinds = new string[0];

        /// <summary>Part number of each sensor ("HMC5883L", …).</summary>
        public string[] SensorModels = new string[0];

        /// <summary>7-bit I2C address of each sensor (0x08–0x77), or -1.</summary>
        public int[] SensorAddresses = new int[0];

        /// <summary>GPIO of each sensor's interrupt / data-ready line, or -1.</summary>
        public int[] SensorInterruptPins = new int[0];

        /// <summary>GPIO a plain digital sensor is read on, or -1.</summary>
        public int[] SensorPins = new int[0];

        /// <summary>Bay detector: deviation (nT) at or above which a steady field means a vehicle.</summary>
        public int OccupiedThresholdNanotesla = 1300;

        /// <summary>Bay detector: deviation (nT) at or below which an occupied bay is free again.</summary>
        public int FreeThresholdNanotesla = 700;

        /// <summary>Bay detector: deviation (nT) above which confirmation is quick.</summary>
        public int StrongThresholdNanotesla = 3500;

        /// <summary>Bay detector: steady samples needed for a strong change (1–64).</summary>
        public int ConfirmSamples = 4;

        /// <summary>Why the deployed file was not used; <see cref="ConfigurationFault.None"/> when it was.</summary>
        public ConfigurationFault Fault = ConfigurationFault.None;

        /// <summary>The field <see cref="Fault"/> is about (e.g. "gatewayHost", "sensor1Address"), or empty.</summary>
        public string FaultField = string.Empty;

        /// <summary>True when this is the safe default, not the deployed file.</summary>
        public bool IsSafeDefault
        {
            get { return Fault != ConfigurationFault.None; }
        }

        /// <summary>
        /// The fault as one short code for the status message: "config-missing", "config-corrupt",
        /// "config-field-missing:gatewayHost", "config-field-invalid:sensor0Address", "config-version"; empty when none.
        /// </summary>
        public string FaultCode
        {
            get
            {
                switch (Fault)
                {
                    case ConfigurationFault.Missing: return "config-missing";
                    case ConfigurationFault.Corrupt: return "config-corrupt";
                    case ConfigurationFault.FieldMissing: return "config-field-missing:" + FaultField;
                    case ConfigurationFault.FieldInvalid: return "config-field-invalid:" + FaultField;
                    case ConfigurationFault.UnsupportedVersion: return "config-version";
                    default: return string.Empty;
                }
            }
        }

        /// <summary>The configuration a board runs on when its file cannot be used: no sensors, default gateway, the fault.</summary>
        public static BoardConfiguration SafeDefault(ConfigurationFault fault, string field)
        {
            var configuration = new BoardConfiguration();
            configuration.Fault = fault;
            configuration.FaultField = field;
            return configuration;
        }
    }
}
