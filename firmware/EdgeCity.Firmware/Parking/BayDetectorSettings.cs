namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// Tuning of <see cref="BayOccupancyDetector"/>. Deviations are Euclidean distances (nT) between the
    /// measured field and the temperature-compensated empty-bay baseline. A parked car shifts the field at an
    /// in-ground sensor by 5–150 µT, a motorbike by 2–6 µT; a car in the neighbour bay by well under 1 µT; a
    /// passing tram by up to ~2.5 µT, oscillating.
    /// </summary>
    public sealed class BayDetectorSettings
    {
        /// <summary>Samples averaged into the first baseline after a cold boot (1–255).</summary>
        public int CalibrationSamples = 8;

        /// <summary>Deviation (nT) at or above which a steady field means a vehicle.</summary>
        public int OccupiedThresholdNanotesla = 1300;

        /// <summary>Deviation (nT) above which confirmation is quick; below it a vehicle must hold still longer (trams wobble).</summary>
        public int StrongThresholdNanotesla = 3500;

        /// <summary>
        /// Mean deviation (nT) of a long, still stretch at or above which a vehicle has arrived even without the
        /// distance sensor (a motorbike off-centre): averaged over <see cref="WeakConfirmSamples"/> samples the chip's
        /// noise (~200 nT per axis) is ~40 nT.
        /// </summary>
        public int WeakOccupiedThresholdNanotesla = 900;

        /// <summary>
        /// Largest spread (nT, as <see cref="WeakStillSpreadNanotesla"/>) of a stretch that confirms a marginal arrival:
        /// a parked vehicle leaves the chip's noise (up to ~550 nT on a LIS2MDL in low-power mode), a tram's swing more.
        /// </summary>
        public int StillSpreadNanotesla = 700;

        /// <summary>Samples of a still stretch needed for a weak arrival (below <see cref="OccupiedThresholdNanotesla"/>).</summary>
        public int WeakConfirmSamples = 24;

        /// <summary>
        /// Largest spread (nT, root of the per-axis variances summed) of a stretch that confirms a weak arrival: the
        /// chip's noise under a parked motorbike passes (measured 450–550 nT on the simulated HMC5883L: at 450 a third
        /// of the weak arrivals waited past the 15 s window, each a miss and a false change), the slow swing of a tram
        /// does not (a 1 µT swing alone spreads ~700 nT).
        /// </summary>
        public int WeakStillSpreadNanotesla = 600;

        /// <summary>With a distance sensor seeing an underbody, this lower deviation (nT) suffices.</summary>
        public int ConfirmedByDistanceThresholdNanotesla = 500;

        /// <summary>Deviation (nT) at or below which an occupied bay is free again (hysteresis).</summary>
        public int FreeThresholdNanotesla = 700;

        /// <summary>Steady samples needed for a strong change (1–64); at the fast interval 4 samples span 1.5 s.</summary>
        public int ConfirmSamples = 4;

        /// <summary>Steady samples needed for a marginal arrival (below the strong threshold).</summary>
        public int MarginalConfirmSamples = 14;

        /// <summary>
        /// Consecutive samples near the empty field (within a tram's swing, a quarter of the parked vehicle's
        /// deviation) that confirm a departure even though the field never holds still (a tram passing).
        /// </summary>
        public int SwingingDepartureSamples = 12;

        /// <summary>
        /// Samples a change must hold still while the field swings away and back (<see cref="SwingTracker"/>: a tram):
        /// a tram's peak holds above the strong threshold for ~4 samples, and its trough cancels a small car's field
        /// for as long; 10 samples (4.5 s) outlast both for swings of up to a 15 s period.
        /// </summary>
        public int SwingConfirmSamples = 10;

        /// <summary>
        /// Across a learnt interference axis (<see cref="InterferenceAxis"/>), a sample within this (nT) of the empty
        /// field, for <see cref="ConfirmSamples"/> samples in a row, is a departure while a swing goes on — for a
        /// vehicle whose field across the axis is at least three times this.
        /// </summary>
        public int AcrossAxisDepartureNanotesla = 600;

        /// <summary>How far (nT) a sample may be from the mean of the stretch so far and still count as steady (at least; a quarter of the deviation for large signatures).</summary>
        public int SteadyToleranceNanotesla = 1000;

        /// <summary>
        /// After a departure re-anchored the baseline, this many of the following quiet free samples may show it was
        /// displaced by a passing swing (a tram): a sample within drift size of the expected empty field from before
        /// the departure, and nearer it than the new one, reverts the baseline.
        /// </summary>
        public int ProvisionalBaselineSamples = 40;

        /// <summary>
        /// Three parked "vehicles" in a row whose fields agree within this (nT) are the
        /// empty bay seen by a detector out of step: real vehicles never park that identically (the field under a
        /// car changes by ~75 nT per cm of position).
        /// </summary>
        public int SignatureRepeatToleranceNanotesla = 700;

        /// <summary>Underbody distance (mm) below which a distance sensor reports a vehicle.</summary>
        public int VehicleDistanceBelowMillimetres = 1000;

        /// <summary>
        /// The free-bay baseline follows slow drift by 1/2^shift of each free sample's difference. Samples of a
        /// calm bay are taken every maintenance wake, so this is a time constant of 2^shift wakes.
        /// </summary>
        public int BaselineFollowShift = 2;

        /// <summary>
        /// The free-bay baseline follows only samples within this deviation (nT): larger ones are something standing
        /// there (a weak vehicle) or passing, not drift, which temperature compensation keeps to a few hundred nT.
        /// </summary>
        public int BaselineFollowBelowNanotesla = 450;

        /// <summary>
        /// How long (ms) free samples beyond <see cref="BaselineFollowBelowNanotesla"/> (but under the occupied threshold)
        /// must go on before the baseline follows anyway: about two hours of an offset that drift the temperature model
        /// missed (or a weak vehicle parked that long) — left alone it would become a false arrival. Counted in time,
        /// not samples: the seconds of fast samples while a weak vehicle pulls in are no two hours of drift (counted in
        /// samples, 12 of them absorbed a motorbike into the empty field within 6 s).
        /// </summary>
        public int BaselineCatchUpMs = 2 * 3600 * 1000;

        /// <summary>Largest baseline step per free sample, nT per axis (temperature is compensated separately).</summary>
        public int BaselineFollowLimitNanotesla = 120;
    }
}
