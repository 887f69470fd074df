using EdgeCity.Firmware.Parking;

namespace EdgeCity.Firmware.Shelter.Shock
{
    /// <summary>
    /// Classifies the accelerometer bursts that woke the board: hard single impacts, repeated impacts
    /// (vandalism), orientation changes (tilt, tamper) and free fall (tear-off) raise alarms; wind, rain, buses
    /// and trucks, and the odd knock, are only counted. Works on 100 Hz samples in mg, integer arithmetic only,
    /// allocation-free after construction. An alarm is raised on the very sample that decides it, so it can
    /// leave ahead of the rest of the burst; repeats of a kind within the repeat interval are counted instead.
    /// </summary>
    public sealed class ShockClassifier
    {
        private const int HitHistory = 8;
        private const int PendingCapacity = 4;
        private const int RestSamples = 16;

        private readonly ShockSettings _settings;
        private readonly ShockAlarm[] _pending = new ShockAlarm[PendingCapacity];
        private readonly long[] _hitTimes = new long[HitHistory];
        private readonly byte[] _evidence = new byte[ShockAlarm.EvidenceSamples];
        private readonly long[] _lastAlarmUnixMs = new long[ShockAlarmNames.Count];
        private readonly int[] _suppressed = new int[ShockAlarmNames.Count];
        private readonly int[] _recentX = new int[RestSamples];
        private readonly int[] _recentY = new int[RestSamples];
        private readonly int[] _recentZ = new int[RestSamples];
        private int _pendingHead;
        private int _pendingCount;
        private int _evidenceNext;
        private int _recentNext;
        private int _recentCount;
        private int _hitNext;
        private bool _tiltAlarmed;
        private long _tiltDueUnixMs;
        private bool _hasAverage;
        private int _avgX;
        private int _avgY;
        private int _avgZ;

        private bool _hasPrevious;
        private int _prevX;
        private int _prevY;
        private int _prevZ;
        private int _hpX;
        private int _hpY;
        private int _hpZ;
        private int _prevHpX;
        private int _prevHpY;
        private int _prevHpZ;
        private int _prevMagnitude;
        private bool _armedAtPrevious;
        private int _hitSwingMg;
        private int _hitHighX;
        private int _hitHighY;
        private int _hitHighZ;
        private int _hitLowX;
        private int _hitLowY;
        private int _hitLowZ;

        private bool _inHit;
        private int _quietSamples;
        private int _hitPeakMg;
        private bool _strikeRaised;
        private long _burstStartUnixMs;
        private long _lastLoudUnixMs;
        private int _burstPeakMg;
        private int _burstHits;
        private bool _burstAlarmed;

        /// <summary>Creates a classifier; call <see cref="SetRestOrientation"/> before feeding samples.</summary>
        public ShockClassifier(ShockSettings settings)
        {
            _settings = settings;
            for (int i = 0; i < PendingCapacity; i++)
            {
                _pending[i] = new ShockAlarm();
            }

            for (int i = 0; i < ShockAlarmNames.Count; i++)
            {
                _lastAlarmUnixMs[i] = long.MinValue / 2;
            }

            _quietSamples = settings.RearmSamples;
        }

        /// <summary>The installed orientation: gravity as the chip reads it at rest, mg.</summary>
        public int RestX { get; private set; }

        /// <summary>See <see cref="RestX"/>.</summary>
        public int RestY { get; private set; }

        /// <summary>See <see cref="RestX"/>.</summary>
        public int RestZ { get; private set; }

        /// <summary>True while a burst is under way: the caller keeps reading the FIFO.</summary>
        public bool InBurst { get; private set; }

        /// <summary>
        /// True while a possible tilt is being confirmed: the orientation is averaged over ~2 s of samples
        /// (time constant 0.64 s), which a swaying shelter's 1–3 Hz motion averages out of. The caller keeps reading.
        /// </summary>
        public bool TiltPending { get; private set; }

        /// <summary>Bursts that ended without an alarm and without a hit (wind, rain, traffic).</summary>
        public long Vibrations { get; private set; }

        /// <summary>Bursts that ended with hits but no alarm (a knock, a bag).</summary>
        public long Knocks { get; private set; }

        /// <summary>Alarms raised (not counting those held back by the rate limit).</summary>
        public long AlarmsRaised { get; private set; }

        /// <summary>Angle of the last resting orientation from the installed one, degrees.</summary>
        public int LastTiltDegrees { get; private set; }

        /// <summary>Alarms waiting to be taken with <see cref="TryTakeAlarm"/>.</summary>
        public int PendingAlarms { get { return _pendingCount; } }

        /// <summary>Sets the installed orientation (measured at installation or on a maintenance command).</summary>
        public void SetRestOrientation(int xMg, int yMg, int zMg)
        {
            RestX = xMg;
            RestY = yMg;
            RestZ = zMg;
        }

        /// <summary>
        /// The next sample does not follow the previous one (the FIFO overflowed while the board slept): the
        /// high-pass filter restarts from it instead of seeing the gap as a jump.
        /// </summary>
        public void Resynchronise()
        {
            _hasPrevious = false;
            _hasAverage = false;
            _hpX = 0;
            _hpY = 0;
            _hpZ = 0;
        }

        /// <summary>Feeds one sample taken at <paramref name="unixMs"/>, in mg per axis.</summary>
        public void AddSample(long unixMs, int xMg, int yMg, int zMg)
        {
            if (!_hasPrevious)
            {
                _prevX = xMg;
                _prevY = yMg;
                _prevZ = zMg;
                _hasPrevious = true;
            }

            // First-order high-pass, alpha = 3/4 (corner ~10 Hz at 200 Hz): keeps impacts, drops sway and gravity.
            _prevHpX = _hpX;
            _prevHpY = _hpY;
            _prevHpZ = _hpZ;
            _hpX = ((_hpX + xMg - _prevX) * 3) / 4;
            _hpY = ((_hpY + yMg - _prevY) * 3) / 4;
            _hpZ = ((_hpZ + zMg - _prevZ) * 3) / 4;
            _prevX = xMg;
            _prevY = yMg;
            _prevZ = zMg;
            int magnitude = Magnitude(Abs(_hpX), Abs(_hpY), Abs(_hpZ));
            int ringPeak = RingPeak(magnitude);
            _prevMagnitude = magnitude;

            // Orientation average in 1/128 mg: exponential, 128 samples (0.64 s at 200 Hz).
            if (!_hasAverage)
            {
                _avgX = xMg << 7;
                _avgY = yMg << 7;
                _avgZ = zMg << 7;
                _hasAverage = true;
            }

            _avgX += ((xMg << 7) - _avgX) >> 7;
            _avgY += ((yMg << 7) - _avgY) >> 7;
            _avgZ += ((zMg << 7) - _avgZ) >> 7;

            _recentX[_recentNext] = xMg;
            _recentY[_recentNext] = yMg;
            _recentZ[_recentNext] = zMg;
            _recentNext = (_recentNext + 1) % RestSamples;
            if (_recentCount < RestSamples)
            {
                _recentCount++;
            }

            int sixteenths = magnitude / 62;
            _evidence[_evidenceNext] = (byte)(sixteenths > 255 ? 255 : sixteenths);
            _evidenceNext = (_evidenceNext + 1) % ShockAlarm.EvidenceSamples;

            if (magnitude >= _settings.RearmMg)
            {
                if (!InBurst)
                {
                    StartBurst(unixMs);
                }

                _lastLoudUnixMs = unixMs;
            }

            if (InBurst && magnitude > _burstPeakMg)
            {
                _burstPeakMg = magnitude;
            }

            TrackHits(unixMs, magnitude, ringPeak);
        }

        /// <summary>
        /// Tells the classifier that no sample is newer than <paramref name="nowUnixMs"/>: ends a burst that has been
        /// quiet long enough and judges the resting orientation after it.
        /// </summary>
        public void Settle(long nowUnixMs)
        {
            if (TiltPending && nowUnixMs >= _tiltDueUnixMs)
            {
                ConfirmTilt(nowUnixMs);
            }

            if (!InBurst || nowUnixMs - _lastLoudUnixMs < _settings.BurstQuietMs || _inHit)
            {
                return;
            }

            InBurst = false;
            CheckTilt(nowUnixMs);
            if (!_burstAlarmed)
            {
                if (_burstHits > 0)
                {
                    Knocks++;
                }
                else
                {
                    Vibrations++;
                }
            }
        }

        /// <summary>
        /// Judges the orientation from the latest samples outside a burst (the periodic check that catches a
        /// slow bend the activity interrupt does not see).
        /// </summary>
        public void CheckOrientation(long nowUnixMs)
        {
            if (!InBurst)
            {
                CheckTilt(nowUnixMs);
            }
        }

        /// <summary>The chip reported free fall: the unit is coming off.</summary>
        public void OnFreeFall(long nowUnixMs)
        {
            Raise(ShockAlarmKind.TearOff, 3, nowUnixMs);
        }

        /// <summary>Takes the oldest pending alarm. The instance is reused after four more alarms.</summary>
        public bool TryTakeAlarm(out ShockAlarm alarm)
        {
            if (_pendingCount == 0)
            {
                alarm = null!;
                return false;
            }

            alarm = _pending[_pendingHead];
            _pendingHead = (_pendingHead + 1) % PendingCapacity;
            _pendingCount--;
            return true;
        }

        private void StartBurst(long unixMs)
        {
            InBurst = true;
            _burstStartUnixMs = unixMs;
            _burstPeakMg = 0;
            _burstHits = 0;
            _burstAlarmed = false;
        }

        // Hits are judged on the ring's peak estimate (RingPeak), the rest/quiet logic on the plain magnitude. The
        // estimate spans two samples, so a hit may start one sample after the quiet stretch ended (its first loud
        // sample can be under the threshold and the pair above it).
        private void TrackHits(long unixMs, int magnitude, int ringPeak)
        {
            bool armed = _quietSamples >= _settings.RearmSamples;
            bool mayStart = armed || _armedAtPrevious;
            _armedAtPrevious = armed && !_inHit;
            if (!_inHit)
            {
                if (ringPeak >= _settings.HitThresholdMg && mayStart)
                {
                    _inHit = true;
                    _hitPeakMg = ringPeak;
                    _hitHighX = _hitLowX = _hpX;
                    _hitHighY = _hitLowY = _hpY;
                    _hitHighZ = _hitLowZ = _hpZ;
                    _hitSwingMg = 0;
                    _strikeRaised = false;
                    _burstHits++;
                    _hitTimes[_hitNext] = unixMs;
                    _hitNext = (_hitNext + 1) % HitHistory;
                    if (HitsWithinWindow(unixMs) >= _settings.VandalismHits)
                    {
                        Raise(ShockAlarmKind.Vandalism, 3, unixMs);
                    }
                }

                _quietSamples = magnitude < _settings.RearmMg ? _quietSamples + 1 : 0;
            }
            else
            {
                if (ringPeak > _hitPeakMg)
                {
                    _hitPeakMg = ringPeak;
                }

                _quietSamples = magnitude < _settings.RearmMg ? _quietSamples + 1 : 0;
                if (_quietSamples >= _settings.RearmSamples)
                {
                    _inHit = false;
                }
            }

            if (_inHit)
            {
                TrackSwing();
            }

            if (_inHit && !_strikeRaised && _hitPeakMg >= _settings.StrikeMg && _hitSwingMg >= _settings.RingSwingMg)
            {
                _strikeRaised = true;
                Raise(ShockAlarmKind.Impact, _hitPeakMg >= _settings.SevereMg ? 3 : 2, unixMs);
            }
        }

        // How far the hit has swung both ways on its most ringing axis. A struck panel rings, so its high-passed
        // acceleration reverses within half a period; a change of orientation (a unit put back upright after a tilt
        // or a tear-off) is a step, whose high-passed trace decays without reversing, and must not count as a strike.
        private void TrackSwing()
        {
            _hitHighX = _hpX > _hitHighX ? _hpX : _hitHighX;
            _hitLowX = _hpX < _hitLowX ? _hpX : _hitLowX;
            _hitHighY = _hpY > _hitHighY ? _hpY : _hitHighY;
            _hitLowY = _hpY < _hitLowY ? _hpY : _hitLowY;
            _hitHighZ = _hpZ > _hitHighZ ? _hpZ : _hitHighZ;
            _hitLowZ = _hpZ < _hitLowZ ? _hpZ : _hitLowZ;
            int swing = Swing(_hitHighX, _hitLowX);
            int y = Swing(_hitHighY, _hitLowY);
            int z = Swing(_hitHighZ, _hitLowZ);
            swing = y > swing ? y : swing;
            _hitSwingMg = z > swing ? z : swing;
        }

        private static int Swing(int high, int low)
        {
            int down = -low;
            return high < down ? high : down;
        }

        private int HitsWithinWindow(long unixMs)
        {
            int n = 0;
            for (int i = 0; i < HitHistory; i++)
            {
                long t = _hitTimes[i];
                if (t != 0 && unixMs - t <= _settings.VandalismWindowMs)
                {
                    n++;
                }
            }

            return n;
        }

        // A first look at the orientation from the latest samples; a candidate tilt is confirmed on the ~2 s
        // average (ConfirmTilt). Once alarmed, the unit must come back within half the threshold before another
        // tilt alarm (hysteresis).
        private void CheckTilt(long nowUnixMs)
        {
            if (_recentCount < RestSamples || TiltPending)
            {
                return;
            }

            int x = 0;
            int y = 0;
            int z = 0;
            for (int i = 0; i < RestSamples; i++)
            {
                x += _recentX[i];
                y += _recentY[i];
                z += _recentZ[i];
            }

            int degrees = TiltAngle.Degrees(x / RestSamples, y / RestSamples, z / RestSamples, RestX, RestY, RestZ);
            LastTiltDegrees = degrees;
            if (degrees < _settings.TiltDegrees / 2)
            {
                _tiltAlarmed = false;
            }
            else if (degrees >= _settings.TiltDegrees && !_tiltAlarmed)
            {
                TiltPending = true;
                _tiltDueUnixMs = nowUnixMs + 2000;
            }
        }

        private void ConfirmTilt(long nowUnixMs)
        {
            TiltPending = false;
            int x = _avgX >> 7;
            int y = _avgY >> 7;
            int z = _avgZ >> 7;

            // Only a unit at rest shows its orientation: |a| near 1 g.
            long squared = ((long)x * x) + ((long)y * y) + ((long)z * z);
            if (squared < 850L * 850 || squared > 1150L * 1150)
            {
                return;
            }

            LastTiltDegrees = TiltAngle.Degrees(x, y, z, RestX, RestY, RestZ);
            if (LastTiltDegrees >= _settings.TiltDegrees && !_tiltAlarmed)
            {
                _tiltAlarmed = true;
                Raise(ShockAlarmKind.Tilt, 2, nowUnixMs);
            }
        }

        private void Raise(ShockAlarmKind kind, int severity, long unixMs)
        {
            _burstAlarmed = true;
            int k = (int)kind;
            if (unixMs - _lastAlarmUnixMs[k] < _settings.RepeatIntervalMs)
            {
                _suppressed[k]++;
                return;
            }

            _lastAlarmUnixMs[k] = unixMs;
            if (_pendingCount == PendingCapacity)
            {
                // Four alarms not yet taken: the caller is not keeping up; the oldest is overwritten.
                _pendingHead = (_pendingHead + 1) % PendingCapacity;
                _pendingCount--;
            }

            ShockAlarm alarm = _pending[(_pendingHead + _pendingCount) % PendingCapacity];
            _pendingCount++;
            AlarmsRaised++;
            alarm.Kind = kind;
            alarm.Severity = severity;
            alarm.ImpactUnixMs = unixMs;
            alarm.PeakMg = _burstPeakMg > _hitPeakMg ? _burstPeakMg : _hitPeakMg;
            alarm.DurationMs = InBurst ? (int)(unixMs - _burstStartUnixMs) : 0;
            alarm.Hits = HitsWithinWindow(unixMs);
            alarm.TiltDegrees = LastTiltDegrees;
            alarm.Suppressed = _suppressed[k];
            _suppressed[k] = 0;
            for (int i = 0; i < ShockAlarm.EvidenceSamples; i++)
            {
                alarm.Evidence[i] = _evidence[(_evidenceNext + i) % ShockAlarm.EvidenceSamples];
            }
        }

        // The peak of a ring from two consecutive samples. At 200 Hz a 20–60 Hz ring advances 36–108° a sample,
        // so the samples can straddle the crest and show only 40–50 % of it; per axis, sqrt(a² + b²) of two
        // consecutive high-passed samples is the amplitude exactly for a 50 Hz ring (quadrature) and stays within
        // ~0.8–1.4× of it from 20 to 60 Hz, where the plain samples can fall to ~0.4×. Slow motion (sway, gusts,
        // trucks at 1–15 Hz) is mostly removed by the high-pass before it. Only worked out when the two samples
        // could reach the rearm level: otherwise it cannot matter and the plain magnitude is returned.
        private int RingPeak(int magnitude)
        {
            if (magnitude + _prevMagnitude < _settings.RearmMg)
            {
                return magnitude;
            }

            // In long: a high-passed ±16 g swing can reach ±24,000 mg, whose squares overflow an int.
            int x = (int)IntegerMath.Sqrt(((long)_hpX * _hpX) + ((long)_prevHpX * _prevHpX));
            int y = (int)IntegerMath.Sqrt(((long)_hpY * _hpY) + ((long)_prevHpY * _prevHpY));
            int z = (int)IntegerMath.Sqrt(((long)_hpZ * _hpZ) + ((long)_prevHpZ * _prevHpZ));
            int estimate = Magnitude(x, y, z);
            return estimate > magnitude ? estimate : magnitude;
        }

        private static int Abs(int v)
        {
            return v < 0 ? -v : v;
        }

        // Largest axis plus half the others: within ~12 % of the vector length, without a square root.
        private static int Magnitude(int a, int b, int c)
        {
            int m = a > b ? a : b;
            m = m > c ? m : c;
            return m + ((a + b + c - m) / 2);
        }
    }
}
