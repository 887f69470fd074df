namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// Learns, per axis, how the empty-bay field reading moves with temperature (nT per °C: the sensor's
    /// sensitivity and offset drift, −0.3 %/°C of ~50 µT for an HMC5883L is −150 nT/°C), by least squares over
    /// free-bay samples with exponential forgetting. While a vehicle stands for hours through a temperature
    /// swing, the detector predicts the empty field from it, so the departure is still recognised.
    /// </summary>
    public sealed class TemperatureModel
    {
        // Forgetting per sample: ~200 samples (≈ 1.5 days of 10-minute wakes) of memory.
        private const double Keep = 0.995;

        // Below this spread of temperatures (°C², weighted) the slope is not trusted.
        private const double MinimumSpread = 4.0;

        private readonly double[] _sumT = new double[3];
        private readonly double[] _sumB = new double[3];
        private readonly double[] _sumTT = new double[3];
        private readonly double[] _sumTB = new double[3];
        private readonly double[] _slope = new double[3];
        private double _weight;

        /// <summary>Learnt slope of axis 0–2 in nT per °C (0 until learnt).</summary>
        public double SlopeNanoteslaPerDegree(int axis)
        {
            return _slope[axis];
        }

        /// <summary>Sets the slopes directly (restored from non-volatile memory).</summary>
        public void Restore(double x, double y, double z)
        {
            _slope[0] = x;
            _slope[1] = y;
            _slope[2] = z;
        }

        /// <summary>Adds a free-bay sample (field per axis in nT, temperature in m°C).</summary>
        public void Learn(int x, int y, int z, int milliCelsius)
        {
            double t = milliCelsius / 1000.0;
            _weight = (_weight * Keep) + 1;
            LearnAxis(0, t, x);
            LearnAxis(1, t, y);
            LearnAxis(2, t, z);
        }

        private void LearnAxis(int axis, double t, double b)
        {
            _sumT[axis] = (_sumT[axis] * Keep) + t;
            _sumB[axis] = (_sumB[axis] * Keep) + b;
            _sumTT[axis] = (_sumTT[axis] * Keep) + (t * t);
            _sumTB[axis] = (_sumTB[axis] * Keep) + (t * b);
            double spread = (_weight * _sumTT[axis]) - (_sumT[axis] * _sumT[axis]);
            if (spread > MinimumSpread * _weight * _weight / 10)
            {
                _slope[axis] = ((_weight * _sumTB[axis]) - (_sumT[axis] * _sumB[axis])) / spread;
            }
        }
    }
}
