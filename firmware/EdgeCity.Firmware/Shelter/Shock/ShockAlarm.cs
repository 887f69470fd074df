namespace EdgeCity.Firmware.Shelter.Shock
{
    /// <summary>
    /// One alarm as the classifier raised it, with its evidence: the 32 samples of shock magnitude around the
    /// decisive impact. Instances are preallocated and reused; copy what you need before the next sample.
    /// </summary>
    public sealed class ShockAlarm
    {
        /// <summary>Samples of evidence kept per alarm.</summary>
        public const int EvidenceSamples = 32;

        /// <summary>What happened.</summary>
        public ShockAlarmKind Kind;

        /// <summary>1 (notice) to 3 (call the police now).</summary>
        public int Severity;

        /// <summary>Time of the decisive sample, ms since the Unix epoch.</summary>
        public long ImpactUnixMs;

        /// <summary>Highest shock magnitude of the burst so far, mg (high-passed, largest axis).</summary>
        public int PeakMg;

        /// <summary>Time from the burst's first sample above the activity level to the decisive one, ms.</summary>
        public int DurationMs;

        /// <summary>Hits within the vandalism window, this one included.</summary>
        public int Hits;

        /// <summary>Angle between the unit's resting orientation and the installed one, degrees (tilt alarms).</summary>
        public int TiltDegrees;

        /// <summary>Alarms of this kind held back by the rate limit since the last one sent.</summary>
        public int Suppressed;

        /// <summary>Shock magnitude of the last 32 samples, oldest first, in 1/16 g (0–255).</summary>
        public readonly byte[] Evidence = new byte[EvidenceSamples];
    }
}
