namespace EdgeCity.Firmware.Parking
{
    /// <summary>
    /// Bay occupancy from magnetometer samples, after the adaptive-baseline state machines of Cheung et al.
    /// (2005) and Zhang et al. (2013):
    /// <list type="bullet">
    /// <item>a per-axis empty-bay baseline, learnt at first boot, following slow drift only while the bay is
    /// free, and compensated for temperature by a learnt per-axis slope (<see cref="TemperatureModel"/>);</item>
    /// <item>the Euclidean deviation from it against two thresholds (hysteresis), a lower one when a distance
    /// sensor sees an underbody;</item>
    /// <item>confirmation by steady samples: a passing car or a tram's oscillating field is never steady for long,
    /// a parked vehicle is — weak signatures (motorbikes) must hold still longer;</item>
    /// <item>departure also when the field leaves the parked vehicle's signature for a steady field near the
    /// baseline, so a baseline error accumulated over a long stay cannot hold the bay occupied forever.</item>
    /// </list>
    /// Integer arithmetic on the hot path; allocates nothing per sample.
    /// </summary>
    public sealed class BayOccupancyDetector
    {
        private readonly BayDetectorSettings _settings;
        private readonly TemperatureModel _temperature = new TemperatureModel();
        private readonly SwingTracker _swing = new SwingTracker();
        private readonly InterferenceAxis _interference = new InterferenceAxis();
        private readonly long[] _baseline = new long[3];
        private readonly long[] _signature = new long[3];
        private readonly long[] _candidate = new long[3];
        private readonly long[] _candidateSquares = new long[3];
        private readonly long[] _lastStretchMean = new long[3];

        // The last two parked vehicles' fields, to recognise a detector out of step (see Update).
        private readonly long[] _previousSignatures = new long[6];
        private int _previousSignatureCount;
        private int _baselineMilliCelsius;
        private int _calibrationCount;
        private int _candidateCount;
        private bool _candidateStrong;
        private bool _candidateAllEvidence;
        private bool _candidateAllStrong;
        private bool _lastStretchStill;

        // The run of samples that look like a departure despite a swinging field (see Update).
        private readonly long[] _goneSum = new long[3];
        private readonly long[] _goneSquares = new long[3];
        private int _goneCount;
        private bool _goneMissed;
        private long _unfollowedMs;

        // One sample off a stretch that had begun to hold still, held back (see AddToStretch).
        private readonly int[] _heldBack = new int[3];
        private bool _heldBackPending;
        private bool _heldBackStrong;
        private bool _stretchStartedNow;
        private int _acrossCount;

        // The expected empty field just before the last departure re-anchored the baseline (see ReanchorAfterDeparture).
        private readonly long[] _priorBaseline = new long[3];
        private int _priorBaselineMilliCelsius;
        private int _provisionalSamples;

        /// <summary>Creates a detector that starts calibrating on its first sample.</summary>
        public BayOccupancyDetector(BayDetectorSettings settings)
        {
            _settings = settings;
            State = BayState.Calibrating;
        }

        /// <summary>The current judgement.</summary>
        public BayState State { get; private set; }

        /// <summary>Deviation of the last sample from the expected empty-bay field, nT.</summary>
        public int LastDeviationNanotesla { get; private set; }

        /// <summary>Times the detector found itself out of step with the street and re-learnt the empty field.</summary>
        public int Resynchronisations { get; private set; }

        /// <summary>
        /// Times another vehicle was found standing where the detector believed one parked (a missed departure):
        /// reported as a new occupation.
        /// </summary>
        public int Replacements { get; private set; }

        /// <summary>Times a baseline re-anchored at a departure was found displaced (a passing swing) and reverted.</summary>
        public int BaselineReverts { get; private set; }

        /// <summary>True while samples beyond a threshold are being confirmed (the board should sample fast).</summary>
        public bool Confirming { get { return _candidateCount > 0 || _goneCount > 0 || State == BayState.Calibrating; } }

        /// <summary>
        /// Time since the previous sample, ms, set by the program before each <see cref="Update"/> (slow drift is
        /// told apart from a weak vehicle by how long an offset lasts). Defaults to a maintenance interval.
        /// </summary>
        public int SampleSpacingMs { get; set; } = 600000;

        /// <summary>The learnt temperature slopes.</summary>
        public TemperatureModel Temperature { get { return _temperature; } }

        /// <summary>
        /// Feeds one sample: field per axis (nT), temperature (m°C), and the distance sensor's reading in mm
        /// (−1 when the board has none or it failed). Returns true when <see cref="State"/> changed.
        /// </summary>
        public bool Update(int x, int y, int z, int milliCelsius, int distanceMm)
        {
            if (State == BayState.Calibrating)
            {
                return Calibrate(x, y, z, milliCelsius);
            }

            long ex = Expected(0, milliCelsius);
            long ey = Expected(1, milliCelsius);
            long ez = Expected(2, milliCelsius);
            int deviation = (int)Distance(x - ex, y - ey, z - ez);
            LastDeviationNanotesla = deviation;
            bool seesUnderbody = distanceMm >= 0 && distanceMm < _settings.VehicleDistanceBelowMillimetres;
            bool seesNothing = distanceMm >= _settings.VehicleDistanceBelowMillimetres;

            if (State == BayState.Free)
            {
                // Just after a departure re-anchored the baseline, a field near the empty bay from before is no
                // arrival either (the re-anchoring may have caught a tram's swing).
                int rawDeviation = deviation;
                if (_provisionalSamples > 0)
                {
                    long fromPrior = FromPriorBaseline(x, y, z, milliCelsius);
                    if (fromPrior < deviation)
                    {
                        deviation = (int)fromPrior;
                    }
                }

                _swing.Update(rawDeviation, SampleSpacingMs);
                _interference.Learn(x - ex, y - ey, z - ez);
                bool evidence = deviation >= _settings.OccupiedThresholdNanotesla
                    || (seesUnderbody && deviation >= _settings.ConfirmedByDistanceThresholdNanotesla);

                // A weak vehicle (a motorbike off-centre, ~1 µT) makes single samples straddle the thresholds with
                // the chip's noise: once a stretch has begun, a sample beyond drift size that holds still with it
                // carries the stretch on, and the decision is taken on the stretch's mean (noise falls with √N).
                bool carriesOn = _candidateCount > 0 && deviation > _settings.BaselineFollowBelowNanotesla;
                if (!evidence && !carriesOn)
                {
                    _candidateCount = 0;
                    if (RevertsToPriorBaseline(x, y, z, milliCelsius, rawDeviation))
                    {
                        return false;
                    }

                    // Only what looks like drift is followed: a weak vehicle standing unnoticed (a motorbike
                    // off-centre) must not become part of the empty field, or its departure would look like an
                    // arrival and put the detector out of step with the street. A weak offset that persists for
                    // many samples is followed after all: drift the temperature model missed, left alone, would
                    // grow into a false arrival.
                    _unfollowedMs = deviation <= _settings.BaselineFollowBelowNanotesla ? 0 : _unfollowedMs + SampleSpacingMs;
                    if (_unfollowedMs == 0 || _unfollowedMs > _settings.BaselineCatchUpMs)
                    {
                        FollowBaseline(x, y, z, milliCelsius, ex, ey, ez);
                    }

                    return false;
                }

                bool strongSample = deviation >= _settings.StrongThresholdNanotesla;
                if (!ConfirmArrival(x, y, z, seesUnderbody, evidence, strongSample, ex, ey, ez, milliCelsius))
                {
                    return false;
                }

                if (!_candidateStrong && RepeatsPreviousSignatures())
                {
                    // Three "vehicles" in a row with the very same field are no vehicles: real cars never
                    // park identically (but weak signatures the distance sensor confirms may well be alike). It is the empty bay, and the baseline holds a car that left unnoticed.
                    // Take this field as the baseline and stay free: the state machine is back in step.
                    ReanchorBaseline((int)_lastStretchMean[0], (int)_lastStretchMean[1], (int)_lastStretchMean[2], milliCelsius);
                    Resynchronisations++;
                    return false;
                }

                RememberSignature();
                _signature[0] = _lastStretchMean[0];
                _signature[1] = _lastStretchMean[1];
                _signature[2] = _lastStretchMean[2];
                State = BayState.Occupied;
                _swing.ReferenceChanged();
                return true;
            }

            // Occupied: leave when the field is back near the baseline, or has steadily left the vehicle's
            // signature for something close to the baseline (drift accumulated during a long stay).
            long fromSignature = Distance(x - _signature[0], y - _signature[1], z - _signature[2]);
            _swing.Update(fromSignature, SampleSpacingMs);
            _interference.Learn(x - _signature[0], y - _signature[1], z - _signature[2]);
            bool backAtBaseline = deviation <= _settings.FreeThresholdNanotesla;

            // The vehicle's field has gone and what is left is nearer the baseline than the vehicle: the
            // baseline drifted during a long stay. Weaker evidence than the above, so it must hold still longer
            // (a tram swinging the field while the car stands must not empty the bay).
            bool leftSignature = fromSignature >= _settings.OccupiedThresholdNanotesla && deviation < fromSignature / 2;
            bool distanceSaysEmpty = seesNothing && deviation < _settings.OccupiedThresholdNanotesla && fromSignature >= _settings.FreeThresholdNanotesla;
            bool departing = !seesUnderbody && (backAtBaseline || leftSignature || distanceSaysEmpty);

            // A strong field, far from the parked vehicle's and from the empty bay's, holding still: another
            // vehicle stands there. No vehicle parks on top of another, so the one believed parked left unnoticed
            // (or was never there: a weak false arrival) — without this the detector would stay out of step with
            // the street for every vehicle after it. The new vehicle is reported as a new occupation.
            bool replaced = fromSignature >= _settings.StrongThresholdNanotesla && deviation >= _settings.StrongThresholdNanotesla;
            if (replaced)
            {
                // Not urgent (the departure before it was missed anyway), so it must hold still for longer.
                _goneCount = 0;
                if (!Confirm(x, y, z, strong: false, 0) || !_lastStretchStill)
                {
                    return false;
                }

                if (Distance(_lastStretchMean[0] - ex, _lastStretchMean[1] - ey, _lastStretchMean[2] - ez) < _settings.StrongThresholdNanotesla)
                {
                    // The stretch straddled the strong threshold (a baseline that drifted ~3.5 µT during a long
                    // stay in a summer swing): on average it is no strong field, so the vehicle left and this is
                    // the empty bay. Which branch the stretch's last sample fell in must not decide it.
                    State = BayState.Free;
                    _goneCount = 0;
                    _swing.ReferenceChanged();
                    ReanchorAfterDeparture((int)_lastStretchMean[0], (int)_lastStretchMean[1], (int)_lastStretchMean[2], milliCelsius, ex, ey, ez);
                    return true;
                }

                RememberSignature();
                _signature[0] = _lastStretchMean[0];
                _signature[1] = _lastStretchMean[1];
                _signature[2] = _lastStretchMean[2];
                Replacements++;
                return true;
            }

            if (!departing)
            {
                _candidateCount = 0;
                _goneCount = 0;
                FollowSignature(x, y, z, fromSignature);
                return false;
            }

            // A tram passing as the vehicle leaves keeps the field from ever holding still, so the steady path
            // below cannot confirm the departure in time. But a field that stays within a tram's swing of the
            // empty bay, a quarter as far from it as the parked vehicle was, for longer than the steady path
            // needs, is a departure: a vehicle standing there cannot look like that for seconds on end.
            long signatureDeviation = Distance(_signature[0] - ex, _signature[1] - ey, _signature[2] - ez);
            // Only for a vehicle far stronger than a tram's swing: a weak one (a motorbike) can look gone for
            // seconds while a swing cancels its field, and must wait for a still field to be seen leaving.
            bool gone = !seesUnderbody && deviation < _settings.StrongThresholdNanotesla
                && signatureDeviation >= 2L * _settings.StrongThresholdNanotesla
                && deviation * 4 < signatureDeviation && fromSignature * 4 > signatureDeviation * 3;
            TrackGone(gone, x, y, z);
            if (_goneCount >= _settings.SwingingDepartureSamples)
            {
                State = BayState.Free;
                _swing.ReferenceChanged();
                if (GoneRunWasSteady())
                {
                    ReanchorAfterDeparture((int)(_goneSum[0] / _goneCount), (int)(_goneSum[1] / _goneCount), (int)(_goneSum[2] / _goneCount), milliCelsius, ex, ey, ez);
                }

                _goneCount = 0;
                _candidateCount = 0;
                return true;
            }

            bool clearlyBack = backAtBaseline || (leftSignature && deviation < _settings.OccupiedThresholdNanotesla);
            // A few samples a tram's swing happens to hold near the empty field are no departure: the vehicle's
            // absence is still.
            // While the field swings away and back (a tram), a few still samples at its trough are no departure:
            // the vehicle's absence holds still for longer than a swing's extreme does. One return to the parked
            // vehicle's field in the last 40 s is enough to wait (the board samples a swing only every few
            // seconds while the bay is occupied); a vehicle pulling out leaves its field for good. So is a change
            // along the street's learnt interference axis: the first trough of a tram comes with no return before it.
            // Not for a vehicle far stronger than a swing (a swing cannot cancel its field).
            bool swingLike = (_swing.Swinging(1) || _interference.IsAlong(x - _signature[0], y - _signature[1], z - _signature[2]))
                && signatureDeviation < 2L * _settings.StrongThresholdNanotesla;
            if (swingLike && DepartedAcrossAxis(x, y, z, ex, ey, ez))
            {
                // The parked vehicle's field across the street's interference axis (which a tram's swing cannot
                // change) has gone, sample after sample: a departure, confirmed without waiting the swing out.
                // The baseline stays as it was: samples displaced by the swing are no better estimate of it.
                State = BayState.Free;
                _goneCount = 0;
                _candidateCount = 0;
                _acrossCount = 0;
                _swing.ReferenceChanged();
                return true;
            }

            int needed = swingLike ? _settings.SwingConfirmSamples : 0;
            if (!Confirm(x, y, z, strong: clearlyBack || distanceSaysEmpty, needed) || !_lastStretchStill)
            {
                return false;
            }

            State = BayState.Free;
            _swing.ReferenceChanged();
            _goneCount = 0;
            ReanchorAfterDeparture((int)_lastStretchMean[0], (int)_lastStretchMean[1], (int)_lastStretchMean[2], milliCelsius, ex, ey, ez);
            return true;
        }

        /// <summary>The empty-bay field expected now on axis 0–2, nT (what a wake-up interrupt is armed around).</summary>
        public long Expected(int axis, int milliCelsius)
        {
            double drift = _temperature.SlopeNanoteslaPerDegree(axis) * (milliCelsius - _baselineMilliCelsius) / 1000.0;
            return _baseline[axis] + (long)drift;
        }

        /// <summary>The field of the parked vehicle on axis 0–2 as last seen, nT.</summary>
        public long Signature(int axis)
        {
            return _signature[axis];
        }

        /// <summary>Forgets the baseline; the next samples calibrate an empty bay again (the recalibration command).</summary>
        public void Recalibrate()
        {
            State = BayState.Calibrating;
            _calibrationCount = 0;
            _candidateCount = 0;
            _provisionalSamples = 0;
            _baseline[0] = 0;
            _baseline[1] = 0;
            _baseline[2] = 0;
        }

        /// <summary>Writes what must survive a reset (state, baseline, signature, temperature slopes) into 40 bytes.</summary>
        public void Save(byte[] buffer, int offset)
        {
            Bytes.PutInt(buffer, offset, (int)State);
            Bytes.PutInt(buffer, offset + 4, _baselineMilliCelsius);
            for (int axis = 0; axis < 3; axis++)
            {
                Bytes.PutInt(buffer, offset + 8 + (axis * 4), (int)_baseline[axis]);
                Bytes.PutInt(buffer, offset + 20 + (axis * 4), (int)_signature[axis]);
            }

            // Slopes in 1/100 nT per °C.
            Bytes.PutShortClamped(buffer, offset + 32, _temperature.SlopeNanoteslaPerDegree(0));
            Bytes.PutShortClamped(buffer, offset + 34, _temperature.SlopeNanoteslaPerDegree(1));
            Bytes.PutShortClamped(buffer, offset + 36, _temperature.SlopeNanoteslaPerDegree(2));
        }

        /// <summary>Restores what <see cref="Save"/> wrote; false (and calibrating) if it makes no sense.</summary>
        public bool Restore(byte[] buffer, int offset)
        {
            int state = Bytes.GetInt(buffer, offset);
            if (state != (int)BayState.Free && state != (int)BayState.Occupied)
            {
                return false;
            }

            State = (BayState)state;
            _baselineMilliCelsius = Bytes.GetInt(buffer, offset + 4);
            for (int axis = 0; axis < 3; axis++)
            {
                _baseline[axis] = Bytes.GetInt(buffer, offset + 8 + (axis * 4));
                _signature[axis] = Bytes.GetInt(buffer, offset + 20 + (axis * 4));
            }

            _temperature.Restore(Bytes.GetShort(buffer, offset + 32) / 100.0, Bytes.GetShort(buffer, offset + 34) / 100.0, Bytes.GetShort(buffer, offset + 36) / 100.0);
            _candidateCount = 0;
            return true;
        }

        private bool Calibrate(int x, int y, int z, int milliCelsius)
        {
            _baseline[0] += x;
            _baseline[1] += y;
            _baseline[2] += z;
            _calibrationCount++;
            if (_calibrationCount < _settings.CalibrationSamples)
            {
                return false;
            }

            _baseline[0] /= _calibrationCount;
            _baseline[1] /= _calibrationCount;
            _baseline[2] /= _calibrationCount;
            _baselineMilliCelsius = milliCelsius;
            State = BayState.Free;
            return true;
        }

        private bool ConfirmArrival(int x, int y, int z, bool seesUnderbody, bool evidence, bool strongSample, long ex, long ey, long ez, int milliCelsius)
        {
            if (!AddToStretch(x, y, z, seesUnderbody, true))
            {
                return false;
            }

            // A stretch (re)started on this sample (possibly with the one held back before it) is judged afresh.
            _candidateAllEvidence = (_stretchStartedNow || _candidateAllEvidence) && evidence;
            _candidateAllStrong = (_stretchStartedNow || _candidateAllStrong) && strongSample;

            // Judged on the stretch's mean, not the last sample: a strong field, or one the distance sensor saw
            // all along, quickly; a marginal one after every sample of a longer stretch was beyond the threshold; a
            // weak one (a motorbike off-centre, out of the distance sensor's view) after a longer stretch still
            // that moved no more than the chip's noise — a tram's swing or a manoeuvre is never that still.
            long mx = _candidate[0] / _candidateCount;
            long my = _candidate[1] / _candidateCount;
            long mz = _candidate[2] / _candidateCount;
            long meanDeviation = Distance(mx - ex, my - ey, mz - ez);
            if (_provisionalSamples > 0)
            {
                long fromPrior = FromPriorBaseline(mx, my, mz, milliCelsius);
                if (fromPrior < meanDeviation)
                {
                    meanDeviation = fromPrior;
                }
            }

            long spreadSquared = StretchSpreadSquared();
            bool still = spreadSquared <= (long)_settings.StillSpreadNanotesla * _settings.StillSpreadNanotesla;

            // A large field may wobble more in absolute terms, but a parked vehicle's does not swing by an eighth
            // of itself within seconds; a tram on top of passing traffic does.
            long strongSpread = meanDeviation / 8 > _settings.StillSpreadNanotesla ? meanDeviation / 8 : _settings.StillSpreadNanotesla;
            bool stillForItsSize = spreadSquared <= strongSpread * strongSpread;
            int needed = int.MaxValue;
            // Quick only if every sample was strong, not just the mean: two trams passing together hold a field of
            // 2,800–4,100 nT for a few samples near their peak, whose mean is "strong" in every bay of the row.
            if (stillForItsSize && ((_candidateAllStrong && meanDeviation >= _settings.StrongThresholdNanotesla) || (_candidateStrong && meanDeviation >= _settings.ConfirmedByDistanceThresholdNanotesla)))
            {
                // While the field swings away and back (a tram), its peak holds strong for a few samples: only a
                // field that holds longer is a vehicle (unless the distance sensor sees one).
                // So is a field that moved along the street's learnt interference axis. A vehicle far stronger than a
                // swing is confirmed as usual (a tram's swing never lets it hold still).
                bool swingLike = _swing.Swinging(SwingTracker.ReturnsForSwing) || _interference.IsAlong(mx - ex, my - ey, mz - ez);
                needed = swingLike && !_candidateStrong && meanDeviation < 2L * _settings.StrongThresholdNanotesla
                    ? _settings.SwingConfirmSamples : _settings.ConfirmSamples;
            }
            else if (meanDeviation >= _settings.OccupiedThresholdNanotesla && _candidateAllEvidence && still)
            {
                needed = _settings.MarginalConfirmSamples;
            }
            else if (meanDeviation >= _settings.WeakOccupiedThresholdNanotesla && _candidateCount >= _settings.WeakConfirmSamples
                && spreadSquared <= (long)_settings.WeakStillSpreadNanotesla * _settings.WeakStillSpreadNanotesla)
            {
                needed = _settings.WeakConfirmSamples;
            }

            if (_candidateCount < needed)
            {
                if (!stillForItsSize && _candidateCount > 2)
                {
                    // What came before holding still (the manoeuvre) is not the vehicle's field, and would keep a
                    // weak vehicle's stretch from ever looking still: start afresh from this sample.
                    _candidateCount = 0;
                    AddToStretch(x, y, z, seesUnderbody, false);
                    _candidateAllEvidence = evidence;
                    _candidateAllStrong = strongSample;
                }
                else if (_candidateCount >= _settings.WeakConfirmSamples * 2)
                {
                    // Long enough to have decided anything: noise about a slightly-off baseline, or a swing. Start
                    // over (and let the board sleep if nothing is there).
                    _candidateCount = 0;
                }

                return false;
            }

            _lastStretchMean[0] = mx;
            _lastStretchMean[1] = my;
            _lastStretchMean[2] = mz;
            _candidateCount = 0;
            return true;
        }

        private long StretchSpreadSquared()
        {
            return SpreadSquared(_candidate, _candidateSquares, _candidateCount);
        }

        private static long SpreadSquared(long[] sums, long[] squares, int count)
        {
            // Sum of the axes' variances about the mean: the chip's noise only, or a swing?
            long variance = 0;
            for (int axis = 0; axis < 3; axis++)
            {
                long mean = sums[axis] / count;
                variance += (squares[axis] / count) - (mean * mean);
            }

            return variance;
        }

        private static void Accumulate(long[] sums, long[] squares, int x, int y, int z)
        {
            sums[0] += x;
            sums[1] += y;
            sums[2] += z;
            squares[0] += (long)x * x;
            squares[1] += (long)y * y;
            squares[2] += (long)z * z;
        }

        private bool AddToStretch(int x, int y, int z, bool strong, bool mayHoldBack)
        {
            // Steady means close to the mean of the stretch so far (the mean cancels the chip's noise); the
            // tolerance grows with the signature, since a large field wobbles more in absolute terms.
            long tolerance = _settings.SteadyToleranceNanotesla;
            if (LastDeviationNanotesla / 4 > tolerance)
            {
                tolerance = LastDeviationNanotesla / 4;
            }

            bool steady = _candidateCount > 0 && Distance(
                x - (_candidate[0] / _candidateCount),
                y - (_candidate[1] / _candidateCount),
                z - (_candidate[2] / _candidateCount)) <= tolerance;
            if (!steady && mayHoldBack && !_heldBackPending && _candidateCount >= 2)
            {
                // One sample off a stretch that holds still is most often a vehicle passing in the lane (a
                // blip of a second): held back, not counted. Restarting on it pushed weak arrivals (24 samples)
                // past the 15 s window, each a miss and a false change. A second one in a row means the field
                // has really moved: the new stretch starts from both.
                _heldBack[0] = x;
                _heldBack[1] = y;
                _heldBack[2] = z;
                _heldBackStrong = strong;
                _heldBackPending = true;
                return false;
            }

            _stretchStartedNow = !steady;
            bool restartWithHeldBack = _heldBackPending && !steady && _candidateCount >= 2 && Distance(x - _heldBack[0], y - _heldBack[1], z - _heldBack[2]) <= tolerance;
            _heldBackPending = false;
            if (!steady)
            {
                // First sample of a (new) steady stretch.
                for (int axis = 0; axis < 3; axis++)
                {
                    _candidate[axis] = 0;
                    _candidateSquares[axis] = 0;
                }

                _candidateCount = 0;
                _candidateStrong = strong;
                if (restartWithHeldBack)
                {
                    Accumulate(_candidate, _candidateSquares, _heldBack[0], _heldBack[1], _heldBack[2]);
                    _candidateCount++;
                    _candidateStrong = _heldBackStrong && strong;
                }
            }

            Accumulate(_candidate, _candidateSquares, x, y, z);
            _candidateCount++;
            _candidateStrong = _candidateStrong && strong;
            return true;
        }

        private bool Confirm(int x, int y, int z, bool strong, int atLeast)
        {
            if (!AddToStretch(x, y, z, strong, true))
            {
                return false;
            }

            int needed = _candidateStrong ? _settings.ConfirmSamples : _settings.MarginalConfirmSamples;
            if (needed < atLeast)
            {
                needed = atLeast;
            }

            if (_candidateCount < needed)
            {
                return false;
            }

            _lastStretchMean[0] = _candidate[0] / _candidateCount;
            _lastStretchMean[1] = _candidate[1] / _candidateCount;
            _lastStretchMean[2] = _candidate[2] / _candidateCount;
            _lastStretchStill = StretchSpreadSquared() <= (long)_settings.StillSpreadNanotesla * _settings.StillSpreadNanotesla;
            _candidateCount = 0;
            return true;
        }

        private bool DepartedAcrossAxis(int x, int y, int z, long ex, long ey, long ez)
        {
            long signatureAcross;
            long sampleAcross;
            if (!_interference.TryAcross(_signature[0] - ex, _signature[1] - ey, _signature[2] - ez, out signatureAcross)
                || signatureAcross < _settings.AcrossAxisDepartureNanotesla * 3L
                || !_interference.TryAcross(x - ex, y - ey, z - ez, out sampleAcross))
            {
                _acrossCount = 0;
                return false;
            }

            _acrossCount = sampleAcross <= _settings.AcrossAxisDepartureNanotesla ? _acrossCount + 1 : 0;
            return _acrossCount >= _settings.ConfirmSamples;
        }

        private void TrackGone(bool gone, int x, int y, int z)
        {
            if (!gone)
            {
                // A tram's swing peaks a little beyond the limits now and then: one sample off the run does
                // not end it (nor count), two in a row do.
                if (_goneCount > 0 && !_goneMissed)
                {
                    _goneMissed = true;
                    return;
                }

                _goneCount = 0;
                return;
            }

            _goneMissed = false;

            if (_goneCount == 0)
            {
                for (int axis = 0; axis < 3; axis++)
                {
                    _goneSum[axis] = 0;
                    _goneSquares[axis] = 0;
                }
            }

            Accumulate(_goneSum, _goneSquares, x, y, z);
            _goneCount++;
        }

        private bool GoneRunWasSteady()
        {
            long tolerance = _settings.SteadyToleranceNanotesla;
            return SpreadSquared(_goneSum, _goneSquares, _goneCount) <= tolerance * tolerance;
        }

        private void FollowBaseline(int x, int y, int z, int milliCelsius, long ex, long ey, long ez)
        {
            _temperature.Learn(x, y, z, milliCelsius);
            // Follow slowly and by at most a little per sample: a weak vehicle that was not detected must not
            // become part of the empty field (it would be reported as arriving when it leaves).
            _baseline[0] = ex + Step(x - ex);
            _baseline[1] = ey + Step(y - ey);
            _baseline[2] = ez + Step(z - ez);
            _baselineMilliCelsius = milliCelsius;
        }

        private bool RepeatsPreviousSignatures()
        {
            if (_previousSignatureCount < 2)
            {
                return false;
            }

            // Compared as measured: the learnt temperature slope is too uncertain to help here (tried: it hid
            // more out-of-step detectors than it protected precise parkers).
            long tolerance = _settings.SignatureRepeatToleranceNanotesla;
            for (int i = 0; i < 2; i++)
            {
                long dx = _lastStretchMean[0] - _previousSignatures[i * 3];
                long dy = _lastStretchMean[1] - _previousSignatures[(i * 3) + 1];
                long dz = _lastStretchMean[2] - _previousSignatures[(i * 3) + 2];
                if (Distance(dx, dy, dz) > tolerance)
                {
                    return false;
                }
            }

            return true;
        }

        private void RememberSignature()
        {
            // Shift: slot 1 ← slot 0, slot 0 ← the new one.
            _previousSignatures[3] = _previousSignatures[0];
            _previousSignatures[4] = _previousSignatures[1];
            _previousSignatures[5] = _previousSignatures[2];
            _previousSignatures[0] = _lastStretchMean[0];
            _previousSignatures[1] = _lastStretchMean[1];
            _previousSignatures[2] = _lastStretchMean[2];
            if (_previousSignatureCount < 2)
            {
                _previousSignatureCount++;
            }
        }

        private long Step(long difference)
        {
            long step = difference >> _settings.BaselineFollowShift;
            long limit = _settings.BaselineFollowLimitNanotesla;
            return step > limit ? limit : step < -limit ? -limit : step;
        }

        private void ReanchorAfterDeparture(int x, int y, int z, int milliCelsius, long ex, long ey, long ez)
        {
            // Provisional: a tram passing as the vehicle left may have displaced the few samples the departure
            // was confirmed on, and a baseline off by a tram's field judges every weak vehicle after it wrongly.
            // The expected empty field from before is kept until calm samples show which of the two is right.
            _priorBaseline[0] = ex;
            _priorBaseline[1] = ey;
            _priorBaseline[2] = ez;
            _priorBaselineMilliCelsius = milliCelsius;
            ReanchorBaseline(x, y, z, milliCelsius);

            // A move within drift size is ordinary re-anchoring; only a larger one may have caught a swing.
            bool moved = Distance(x - ex, y - ey, z - ez) > _settings.BaselineFollowBelowNanotesla;
            _provisionalSamples = moved ? _settings.ProvisionalBaselineSamples : 0;
        }

        private long PriorBaseline(int axis, int milliCelsius)
        {
            double drift = _temperature.SlopeNanoteslaPerDegree(axis) * (milliCelsius - _priorBaselineMilliCelsius) / 1000.0;
            return _priorBaseline[axis] + (long)drift;
        }

        private long FromPriorBaseline(long x, long y, long z, int milliCelsius)
        {
            return Distance(x - PriorBaseline(0, milliCelsius), y - PriorBaseline(1, milliCelsius), z - PriorBaseline(2, milliCelsius));
        }

        private bool RevertsToPriorBaseline(int x, int y, int z, int milliCelsius, int deviation)
        {
            if (_provisionalSamples == 0)
            {
                return false;
            }

            _provisionalSamples--;
            long fromPrior = FromPriorBaseline(x, y, z, milliCelsius);
            if (fromPrior > _settings.BaselineFollowBelowNanotesla || fromPrior >= deviation)
            {
                return false;
            }

            // The empty bay is where it was before the vehicle left: the re-anchoring caught a passing swing.
            _provisionalSamples = 0;
            _baseline[0] = PriorBaseline(0, milliCelsius);
            _baseline[1] = PriorBaseline(1, milliCelsius);
            _baseline[2] = PriorBaseline(2, milliCelsius);
            _baselineMilliCelsius = milliCelsius;
            BaselineReverts++;
            return true;
        }

        private void ReanchorBaseline(int x, int y, int z, int milliCelsius)
        {
            // The bay was just confirmed empty: the field now is the best estimate of the empty field.
            _provisionalSamples = 0;
            _baseline[0] = x;
            _baseline[1] = y;
            _baseline[2] = z;
            _baselineMilliCelsius = milliCelsius;
        }

        private void FollowSignature(int x, int y, int z, long fromSignature)
        {
            // A parked vehicle's field drifts with temperature too; follow it while it stays close.
            if (fromSignature < _settings.SteadyToleranceNanotesla)
            {
                _signature[0] += (x - _signature[0]) >> 2;
                _signature[1] += (y - _signature[1]) >> 2;
                _signature[2] += (z - _signature[2]) >> 2;
            }
        }

        private static long Distance(long dx, long dy, long dz)
        {
            return IntegerMath.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
        }
    }
}
