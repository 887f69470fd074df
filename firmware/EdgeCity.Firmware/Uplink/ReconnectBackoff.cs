namespace EdgeCity.Firmware.Uplink
{
    /// <summary>
    /// Exponential backoff with full jitter for reconnecting to the broker: a street of sensors that lost the
    /// gateway together must not come back in lockstep. Deterministic for a given seed (the simulator
    /// seeds it per board; a device seeds it from its MAC).
    /// </summary>
    public sealed class ReconnectBackoff
    {
        private readonly int _initialMs;
        private readonly int _maxMs;
        private uint _random;
        private int _ceilingMs;
        private long _nextAttemptUnixMs;

        /// <summary>Backoff starting at <paramref name="initialMs"/>, doubling up to <paramref name="maxMs"/>.</summary>
        public ReconnectBackoff(int initialMs, int maxMs, uint seed)
        {
            _initialMs = initialMs;
            _maxMs = maxMs;
            _random = seed == 0 ? 0x9E3779B9u : seed;
            _ceilingMs = initialMs;
        }

        /// <summary>Failed attempts since the last success.</summary>
        public int Failures { get; private set; }

        /// <summary>True when an attempt is allowed at <paramref name="nowUnixMs"/>.</summary>
        public bool MayAttempt(long nowUnixMs)
        {
            return nowUnixMs >= _nextAttemptUnixMs;
        }

        /// <summary>Records a failed attempt and schedules the next one at a random delay in [ceiling/2, ceiling].</summary>
        public void OnFailure(long nowUnixMs)
        {
            Failures++;
            int half = _ceilingMs / 2;
            int delay = half + (int)(NextRandom() % (uint)(half + 1));
            _nextAttemptUnixMs = nowUnixMs + delay;
            _ceilingMs = _ceilingMs >= _maxMs / 2 ? _maxMs : _ceilingMs * 2;
        }

        /// <summary>Records a success: the next failure starts from the initial delay again.</summary>
        public void OnSuccess()
        {
            Failures = 0;
            _ceilingMs = _initialMs;
            _nextAttemptUnixMs = 0;
        }

        private uint NextRandom()
        {
            // xorshift32: tiny, allocation-free, and the same on every platform.
            uint x = _random;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _random = x;
            return x;
        }
    }
}
