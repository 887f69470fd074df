namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// Learns the direction along which a street's interference moves the field. A tram line's field at a
    /// sensor swings along one direction (the line's current and the sensor's place are fixed), while vehicles
    /// pulling in or passing move it in every direction (each is magnetised its own way). The directions of the
    /// disturbances the board samples are accumulated as an exponentially weighted second-moment matrix of unit
    /// vectors; its principal direction (power iteration) is the interference axis once it holds most of the
    /// matrix's weight. A change of the field along that axis, no larger than a swing, may be a swing's extreme
    /// (a tram's peak on an empty bay, its trough cancelling a small car's field) and must hold still longer.
    /// Integer arithmetic; allocates nothing per sample.
    /// </summary>
    public sealed class InterferenceAxis
    {
        /// <summary>Smallest disturbance (nT) whose direction is learnt: beyond the chips' noise.</summary>
        public const int LearnAboveNanotesla = 1500;

        /// <summary>Largest disturbance (nT) whose direction is learnt: a tram's swing is at most a few µT.</summary>
        public const int LearnBelowNanotesla = 6000;

        /// <summary>Disturbances learnt before the axis is trusted.</summary>
        public const int SamplesBeforeTrusted = 200;

        /// <summary>Weight share (per mille) of the principal direction that makes it an axis.</summary>
        public const int AxisSharePerMille = 800;

        /// <summary>Smallest cos² (per mille) between a change and the axis for the change to lie along it (~26°).</summary>
        public const int AlongCosSquaredPerMille = 800;

        private const int Unit = 1024;
        private const int WeightShift = 7; // about the last 128 disturbances
        private const int PowerIterations = 8;

        // Second moments xx, yy, zz, xy, xz, yz of unit vectors scaled by Unit (so up to Unit²).
        private readonly long[] _moments = new long[6];
        private readonly long[] _axis = new long[3];
        private readonly long[] _next = new long[3];
        private int _learnt;
        private bool _axisStale = true;
        private bool _trusted;

        /// <summary>Disturbances learnt so far (saturates).</summary>
        public int Learnt { get { return _learnt; } }

        /// <summary>Feeds one sample's displacement (nT) from the field expected without interference.</summary>
        public void Learn(long dx, long dy, long dz)
        {
            long length = IntegerMath.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
            if (length < LearnAboveNanotesla || length > LearnBelowNanotesla)
            {
                return;
            }

            long ux = dx * Unit / length;
            long uy = dy * Unit / length;
            long uz = dz * Unit / length;
            Blend(0, ux * ux);
            Blend(1, uy * uy);
            Blend(2, uz * uz);
            Blend(3, ux * uy);
            Blend(4, ux * uz);
            Blend(5, uy * uz);
            if (_learnt < SamplesBeforeTrusted)
            {
                _learnt++;
            }

            _axisStale = true;
        }

        /// <summary>
        /// True when an axis has been learnt and the change (<paramref name="dx"/>, <paramref name="dy"/>,
        /// <paramref name="dz"/>) lies along it.
        /// </summary>
        public bool IsAlong(long dx, long dy, long dz)
        {
            if (_learnt < SamplesBeforeTrusted)
            {
                return false;
            }

            if (_axisStale)
            {
                FindAxis();
            }

            if (!_trusted)
            {
                return false;
            }

            long dot = (dx * _axis[0]) + (dy * _axis[1]) + (dz * _axis[2]);
            long changeSquared = (dx * dx) + (dy * dy) + (dz * dz);
            long axisSquared = (_axis[0] * _axis[0]) + (_axis[1] * _axis[1]) + (_axis[2] * _axis[2]);
            if (changeSquared == 0 || axisSquared == 0)
            {
                return false;
            }

            // cos² = dot² / (|d|²·|a|²), compared without overflow: the axis is scaled to at most Unit per axis.
            long dotScaled = dot / Unit;
            return dotScaled * dotScaled * 1000 >= (long)AlongCosSquaredPerMille * changeSquared * axisSquared / ((long)Unit * Unit);
        }

        /// <summary>
        /// True when an axis has been learnt; then the part of (<paramref name="dx"/>, <paramref name="dy"/>,
        /// <paramref name="dz"/>) across the axis (what a swing along it cannot change) is its length, nT, in
        /// <paramref name="across"/>.
        /// </summary>
        public bool TryAcross(long dx, long dy, long dz, out long across)
        {
            across = 0;
            if (_learnt < SamplesBeforeTrusted)
            {
                return false;
            }

            if (_axisStale)
            {
                FindAxis();
            }

            long axisSquared = (_axis[0] * _axis[0]) + (_axis[1] * _axis[1]) + (_axis[2] * _axis[2]);
            if (!_trusted || axisSquared == 0)
            {
                return false;
            }

            long dot = (dx * _axis[0]) + (dy * _axis[1]) + (dz * _axis[2]);
            long px = dx - (_axis[0] * dot / axisSquared);
            long py = dy - (_axis[1] * dot / axisSquared);
            long pz = dz - (_axis[2] * dot / axisSquared);
            across = IntegerMath.Sqrt((px * px) + (py * py) + (pz * pz));
            return true;
        }

        private void Blend(int index, long value)
        {
            _moments[index] += (value - _moments[index]) >> WeightShift;
        }

        private long Moment(int row, int column)
        {
            if (row == column)
            {
                return _moments[row];
            }

            int sum = row + column; // 0+1 → xy (3), 0+2 → xz (4), 1+2 → yz (5)
            return _moments[2 + sum];
        }

        private void FindAxis()
        {
            _axisStale = false;
            // Start from the axis with the largest second moment, then power-iterate.
            int start = _moments[0] >= _moments[1] && _moments[0] >= _moments[2] ? 0 : _moments[1] >= _moments[2] ? 1 : 2;
            for (int i = 0; i < 3; i++)
            {
                _axis[i] = i == start ? Unit : 0;
            }

            for (int iteration = 0; iteration < PowerIterations; iteration++)
            {
                long largest = 0;
                for (int row = 0; row < 3; row++)
                {
                    _next[row] = (Moment(row, 0) * _axis[0]) + (Moment(row, 1) * _axis[1]) + (Moment(row, 2) * _axis[2]);
                    long magnitude = IntegerMath.Abs(_next[row]);
                    if (magnitude > largest)
                    {
                        largest = magnitude;
                    }
                }

                if (largest == 0)
                {
                    _trusted = false;
                    return;
                }

                for (int row = 0; row < 3; row++)
                {
                    _axis[row] = _next[row] * Unit / largest;
                }
            }

            // Share of the principal direction: λ = aᵀMa / aᵀa against the trace.
            long quadratic = 0;
            for (int row = 0; row < 3; row++)
            {
                quadratic += _axis[row] * ((Moment(row, 0) * _axis[0]) + (Moment(row, 1) * _axis[1]) + (Moment(row, 2) * _axis[2])) / Unit;
            }

            long axisSquared = ((_axis[0] * _axis[0]) + (_axis[1] * _axis[1]) + (_axis[2] * _axis[2])) / Unit;
            long trace = _moments[0] + _moments[1] + _moments[2];
            _trusted = axisSquared > 0 && trace > 0 && quadratic * 1000 >= (long)AxisSharePerMille * trace * axisSquared;
        }
    }
}
