namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// Tuning of <see cref="BayOccupancyDetector"/>. The defaults suit a sensor 2–5 cm below the surface:
    /// a parked car shifts the local field by a few microtesla, Earth's field is ~50 µT.
    /// </summary>
    public sealed class BayDetectorSettings
    {
        /// <summary>Samples averaged into the first baseline after boot (1–255).</summary>
        public int CalibrationSamples = 8;

        /// <summary>Deviation from the baseline (sum over the axes, nT) at or above which the bay counts as occupied.</summary>
        public int OccupiedThresholdNanotesla = 1500;

        /// <summary>Deviation at or below which an occupied bay counts as free again; below the occupied threshold (hysteresis).</summary>
        public int FreeThresholdNanotesla = 700;

        /// <summary>Consecutive samples beyond a threshold before the state changes (1–16).</summary>
        public int ConfirmSamples = 2;

        /// <summary>
        /// The free-bay baseline follows slow drift (temperature, season) by 1/2^shift of each free sample's
        /// difference; 6 means a time constant of 64 samples. It never learns while a car is present.
        /// </summary>
        public int BaselineFollowShift = 6;
    }
}
