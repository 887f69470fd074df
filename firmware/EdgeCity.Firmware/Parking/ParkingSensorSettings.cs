namespace EdgeCity.Firmware.Parking
{
    /// <summary>Configuration of the parking sensor program; defaults are the production values.</summary>
    public sealed class ParkingSensorSettings
    {
        /// <summary>Firmware name and version reported in the birth message.</summary>
        public const string FirmwareVersion = "parking-sensor/0.1.0";

        /// <summary>Time between magnetometer samples, in ms (the board sleeps in between).</summary>
        public int SampleIntervalMs = 1000;

        /// <summary>Time between heartbeats, in ms (default one day, as commercial sensors do).</summary>
        public long HeartbeatIntervalMs = 24L * 3600 * 1000;

        /// <summary>Messages kept while the uplink is down.</summary>
        public int OfflineQueueCapacity = 32;

        /// <summary>Detector tuning.</summary>
        public BayDetectorSettings Detector = new BayDetectorSettings();
    }
}
