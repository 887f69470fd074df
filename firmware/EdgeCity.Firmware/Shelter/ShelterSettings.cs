using EdgeCity.Firmware.Shelter.Power;
using EdgeCity.Firmware.Shelter.Shock;

namespace EdgeCity.Firmware.Shelter
{
    /// <summary>Configuration of the shelter board program; defaults are the production values.</summary>
    public sealed class ShelterSettings
    {
        /// <summary>Firmware name and version reported in the birth message.</summary>
        public const string FirmwareVersion = "shelter-board/0.1.0";

        /// <summary>Time between housekeeping wakes (light, orientation, schedule), ms.</summary>
        public int HousekeepingIntervalMs = 60000;

        /// <summary>Time between orientation checks outside bursts (a slow bend that never fires the activity interrupt), ms.</summary>
        public int OrientationCheckIntervalMs = 300000;

        /// <summary>Time between display health probes while the panel is on, ms.</summary>
        public int DisplayProbeIntervalMs = 600000;

        /// <summary>Time each page (language) stays on the panel, ms.</summary>
        public int RotationIntervalMs = 5000;

        /// <summary>While a burst is under way the FIFO is read this often, ms (the 32-entry FIFO holds 320 ms at 100 Hz).</summary>
        public int BurstPollIntervalMs = 100;

        /// <summary>Time between heartbeats, ms (a display fault sends one at once).</summary>
        public long HeartbeatIntervalMs = 3600L * 1000;

        /// <summary>Messages kept while the uplink is down.</summary>
        public int OfflineQueueCapacity = 32;

        /// <summary>Bytes per queued message: an alarm with its evidence needs ~300.</summary>
        public int MessageSlotBytes = 384;

        /// <summary>Largest downlink message taken, bytes: the gateway's limit (BoardDownlink.MaxPayloadBytes).</summary>
        public int DownlinkBufferBytes = 2048;

        /// <summary>Shock classification.</summary>
        public ShockSettings Shock = new ShockSettings();

        /// <summary>Night power saving and the energy model.</summary>
        public PowerSettings Power = new PowerSettings();
    }
}
