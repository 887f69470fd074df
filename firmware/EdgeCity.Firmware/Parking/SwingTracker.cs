namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// Tells a field that keeps swinging away and back (a tram passing: 20–60 s of oscillation, 4–15 s a period)
    /// from one that moves once (a vehicle pulling in or out). Counts <em>returns</em>: the distance from a
    /// reference (the empty bay's field while free, the parked vehicle's while occupied) went beyond
    /// <see cref="AwayNanotesla"/> and came back within <see cref="BackNanotesla"/>. A vehicle's manoeuvre
    /// leaves the reference and stays away (or makes one return when its dipoles pass the sensor); a swing
    /// returns every half period. While swinging, a few samples that hold still at one of the swing's extremes
    /// (a tram's peak on an empty bay, or its trough cancelling a parked car's field) are no change.
    /// Allocates nothing per sample.
    /// </summary>
    public sealed class SwingTracker
    {
        /// <summary>
        /// Distance (nT) from the reference that counts as away: beyond the noise of the noisiest chip (a LIS2MDL in
        /// low-power mode, ~780 nT over three axes, at 1,000 made "swings" of its own).
        /// </summary>
        public const int AwayNanotesla = 1500;

        /// <summary>Distance (nT) from the reference that counts as back.</summary>
        public const int BackNanotesla = 600;

        /// <summary>Returns within <see cref="WindowMs"/> that make a swing.</summary>
        public const int ReturnsForSwing = 3;

        /// <summary>How far back (ms) returns are counted.</summary>
        public const int WindowMs = 40000;

        private readonly long[] _returnsAtMs = new long[ReturnsForSwing];
        private int _next;
        private bool _away;
        private long _nowMs;

        /// <summary>Feeds the distance (nT) of one sample from the current reference, <paramref name="spacingMs"/> after the previous one.</summary>
        public void Update(long distance, int spacingMs)
        {
            _nowMs += spacingMs;
            if (distance >= AwayNanotesla)
            {
                _away = true;
                return;
            }

            if (_away && distance <= BackNanotesla)
            {
                _away = false;
                _returnsAtMs[_next] = _nowMs;
                _next = (_next + 1) % ReturnsForSwing;
            }
        }

        /// <summary>
        /// True when the field came back to its reference <paramref name="returns"/> times (1 to
        /// <see cref="ReturnsForSwing"/>) in the last <see cref="WindowMs"/>.
        /// </summary>
        public bool Swinging(int returns)
        {
            // The n-th most recent return is recent enough: all the later ones are too.
            int slot = (_next - returns + ReturnsForSwing) % ReturnsForSwing;
            long at = _returnsAtMs[slot];
            return at > 0 && _nowMs - at <= WindowMs;
        }

        /// <summary>
        /// The reference changed (a state change): whether the field is away is judged afresh. The returns seen
        /// are kept: the swing is the street's, not the bay's state.
        /// </summary>
        public void ReferenceChanged()
        {
            _away = false;
        }
    }
}
