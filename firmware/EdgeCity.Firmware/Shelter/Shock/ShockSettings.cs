using EdgeCity.Firmware.Drivers.Adxl343;

namespace EdgeCity.Firmware.Shelter.Shock
{
    /// <summary>
    /// Thresholds of the shock classifier. Magnitudes are of the high-passed acceleration (about 10 Hz corner, so
    /// wind sway and passing buses are mostly removed): the largest axis plus half the other two (close to the
    /// vector length in any direction), in mg. Defaults and their reasons are in
    /// docs/shelter-board.md.
    /// </summary>
    public sealed class ShockSettings
    {
        /// <summary>Sample period of the accelerometer, ms (200 Hz: a 30 Hz panel ring is caught near its peak).</summary>
        public int SamplePeriodMs = 5;

        /// <summary>
        /// A hit starts when the ring peak estimate reaches this, mg: above the hardest knock (≤ 0.9 g at the panel,
        /// estimated ≤ ~730 mg), below the weakest kick's (2.5 g, ≥ ~850 mg); wind and traffic stay below ~500 mg.
        /// </summary>
        public int HitThresholdMg = 750;

        /// <summary>A hit ends, and the next may start, once the magnitude stayed below this, mg …</summary>
        public int RearmMg = 250;

        /// <summary>… for this many samples (80 ms at 200 Hz).</summary>
        public int RearmSamples = 16;

        /// <summary>
        /// A single hit whose ring peak estimate reaches this is an impact alarm (a kick or a strike), mg. The
        /// weakest kick (2.5 g) estimates ≥ ~850 mg at the worst sampling phase and direction, the hardest knock
        /// ≤ ~730 mg alone (docs/shelter-board.md, "Ring peak estimate").
        /// </summary>
        public int StrikeMg = 800;

        /// <summary>
        /// … and only once the hit has swung at least this far both ways on one axis, mg: a ring reverses, a step
        /// (a unit put back upright) does not. The weakest kick's reverse lobe is ≥ ~280 mg.
        /// </summary>
        public int RingSwingMg = 150;

        /// <summary>An impact at or above this has severity 3, mg.</summary>
        public int SevereMg = 6000;

        /// <summary>Hits within <see cref="VandalismWindowMs"/> that make a vandalism alarm.</summary>
        public int VandalismHits = 3;

        /// <summary>Window for counting hits, ms.</summary>
        public int VandalismWindowMs = 15000;

        /// <summary>A burst ends after this long without a hit and below <see cref="RearmMg"/>, ms.</summary>
        public int BurstQuietMs = 600;

        /// <summary>Orientation change that raises a tilt alarm, degrees (1–60).</summary>
        public int TiltDegrees = 20;

        /// <summary>Shortest time between two alarms of the same kind, ms; those in between are counted, not sent.</summary>
        public int RepeatIntervalMs = 60000;

        /// <summary>The chip's interrupt engine set-up.</summary>
        public Adxl343Settings Chip = new Adxl343Settings();
    }
}
