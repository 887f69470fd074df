namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// First-version bay occupancy detection from magnetometer samples: a baseline learnt while the bay is
    /// free, the L1 deviation from it, two thresholds with hysteresis, and a confirmation count before a state
    /// change. Integer arithmetic only (no System.Math on nanoFramework); allocates nothing per sample.
    /// </summary>
    public sealed class BayOccupancyDetector
    {
        // Baseline in 1/16 nT so that slow following does not stall on integer rounding.
        private const int FixedShift = 4;

        private readonly BayDetectorSettings _settings;
        private long _baseX;
        private long _baseY;
        private long _baseZ;
        private int _calibrationCount;
        private int _confirmCount;

        /// <summary>Creates a detector that starts calibrating on its first sample.</summary>
        public BayOccupancyDetector(BayDetectorSettings settings)
        {
            _settings = settings;
            State = BayState.Calibrating;
        }

        /// <summary>The current judgement.</summary>
        public BayState State { get; private set; }

        /// <summary>The L1 deviation of the last sample from the baseline, in nT.</summary>
        public int LastDeviationNanotesla { get; private set; }

        /// <summary>
        /// Feeds one sample (nT per axis). Returns true when <see cref="State"/> changed with this sample.
        /// </summary>
        public bool Update(int xNanotesla, int yNanotesla, int zNanotesla)
        {
            if (State == BayState.Calibrating)
            {
                return Calibrate(xNanotesla, yNanotesla, zNanotesla);
            }

            int deviation = Deviation(xNanotesla, yNanotesla, zNanotesla);
            LastDeviationNanotesla = deviation;

            bool beyond = State == BayState.Free
                ? deviation >= _settings.OccupiedThresholdNanotesla
                : deviation <= _settings.FreeThresholdNanotesla;

            if (!beyond)
            {
                _confirmCount = 0;
                if (State == BayState.Free)
                {
                    FollowBaseline(xNanotesla, yNanotesla, zNanotesla);
                }

                return false;
            }

            _confirmCount++;
            if (_confirmCount < _settings.ConfirmSamples)
            {
                return false;
            }

            _confirmCount = 0;
            State = State == BayState.Free ? BayState.Occupied : BayState.Free;
            return true;
        }

        /// <summary>Forgets the baseline; the next samples calibrate an empty bay again.</summary>
        public void Recalibrate()
        {
            State = BayState.Calibrating;
            _calibrationCount = 0;
            _confirmCount = 0;
            _baseX = 0;
            _baseY = 0;
            _baseZ = 0;
        }

        private bool Calibrate(int x, int y, int z)
        {
            _baseX += (long)x << FixedShift;
            _baseY += (long)y << FixedShift;
            _baseZ += (long)z << FixedShift;
            _calibrationCount++;
            if (_calibrationCount < _settings.CalibrationSamples)
            {
                return false;
            }

            _baseX /= _calibrationCount;
            _baseY /= _calibrationCount;
            _baseZ /= _calibrationCount;
            State = BayState.Free;
            return true;
        }

        private void FollowBaseline(int x, int y, int z)
        {
            int shift = _settings.BaselineFollowShift;
            _baseX += (((long)x << FixedShift) - _baseX) >> shift;
            _baseY += (((long)y << FixedShift) - _baseY) >> shift;
            _baseZ += (((long)z << FixedShift) - _baseZ) >> shift;
        }

        private int Deviation(int x, int y, int z)
        {
            long dx = Abs(((long)x << FixedShift) - _baseX);
            long dy = Abs(((long)y << FixedShift) - _baseY);
            long dz = Abs(((long)z << FixedShift) - _baseZ);
            return (int)((dx + dy + dz) >> FixedShift);
        }

        private static long Abs(long v)
        {
            return v < 0 ? -v : v;
        }
    }
}
