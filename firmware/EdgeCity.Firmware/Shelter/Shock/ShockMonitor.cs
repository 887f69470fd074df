using EdgeCity.Firmware.Drivers.Adxl343;
using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Shelter.Shock
{
    /// <summary>
    /// The accelerometer side of the shelter board: starts the ADXL343's interrupt engine, learns the installed
    /// orientation, and on each wake (INT1 or a poll during a burst) reads the interrupt source and the FIFO into
    /// the <see cref="ShockClassifier"/>. Allocation-free after construction.
    /// </summary>
    public sealed class ShockMonitor
    {
        private readonly Adxl343Accelerometer _chip;
        private readonly IDigitalInput _interruptLine;
        private readonly ShockSettings _settings;
        private readonly int[] _x = new int[Adxl343Accelerometer.FifoDepth];
        private readonly int[] _y = new int[Adxl343Accelerometer.FifoDepth];
        private readonly int[] _z = new int[Adxl343Accelerometer.FifoDepth];
        private long _lastReadUnixMs;

        /// <summary>Wires the monitor to the chip and its INT1 line.</summary>
        public ShockMonitor(IRegisterBus bus, IDigitalInput interruptLine, ShockSettings settings)
        {
            _chip = new Adxl343Accelerometer(bus);
            _interruptLine = interruptLine;
            _settings = settings;
            Classifier = new ShockClassifier(settings);
        }

        /// <summary>The classifier (alarms, counters).</summary>
        public ShockClassifier Classifier { get; private set; }

        /// <summary>The driver (bus counters).</summary>
        public Adxl343Accelerometer Chip { get { return _chip; } }

        /// <summary>True once the chip answered with its id and took its configuration.</summary>
        public bool Running { get; private set; }

        /// <summary>Times the accelerometer failed (bus error, wrong id) since start.</summary>
        public int Faults { get; private set; }

        /// <summary>Wakes caused by INT1 since start.</summary>
        public long InterruptWakes { get; private set; }

        /// <summary>True when the board must stay awake to follow a burst (or INT1 is asserted).</summary>
        public bool NeedsAttention
        {
            get { return Classifier.InBurst || Classifier.TiltPending || _interruptLine.IsActive; }
        }

        /// <summary>Checks the id and configures the chip. False (and counted) when it does not answer.</summary>
        public bool Start()
        {
            Running = _chip.TryStart(_settings.Chip);
            if (!Running)
            {
                Faults++;
            }

            return Running;
        }

        /// <summary>
        /// Learns the installed orientation from the FIFO (the unit must be at rest). Returns false when the
        /// FIFO held no samples yet.
        /// </summary>
        public bool LearnRestOrientation()
        {
            int n = _chip.ReadFifo(_x, _y, _z, _x.Length);
            if (n <= 0)
            {
                return false;
            }

            long sx = 0;
            long sy = 0;
            long sz = 0;
            for (int i = 0; i < n; i++)
            {
                sx += _x[i];
                sy += _y[i];
                sz += _z[i];
            }

            Classifier.SetRestOrientation((int)(sx / n), (int)(sy / n), (int)(sz / n));
            return true;
        }

        /// <summary>
        /// Services the chip at <paramref name="nowUnixMs"/>: reads INT_SOURCE if INT1 is asserted (free fall raises
        /// an alarm at once), drains the FIFO into the classifier and lets a quiet burst end.
        /// </summary>
        public void Service(long nowUnixMs)
        {
            if (!Running)
            {
                return;
            }

            bool activityOnly = false;
            if (_interruptLine.IsActive)
            {
                InterruptWakes++;
                int sources;
                if (!_chip.TryReadInterruptSource(out sources))
                {
                    Faults++;
                    return;
                }

                if ((sources & Adxl343Interrupts.FreeFall) != 0)
                {
                    Classifier.OnFreeFall(nowUnixMs);
                }

                int events = sources & (Adxl343Interrupts.Activity | Adxl343Interrupts.SingleTap | Adxl343Interrupts.FreeFall);
                activityOnly = events == Adxl343Interrupts.Activity;
            }

            Drain(nowUnixMs);
            bool wasInBurst = Classifier.InBurst;
            Classifier.Settle(nowUnixMs);

            // Re-reference the ac-coupled activity detector after a burst, and after activity that was no shock
            // (slow sway, a changed orientation): otherwise it would fire on every sample from then on.
            bool rearm = (wasInBurst && !Classifier.InBurst) || (activityOnly && !Classifier.InBurst);
            if (rearm)
            {
                if (activityOnly && !wasInBurst)
                {
                    Classifier.CheckOrientation(nowUnixMs);
                }

                if (!_chip.RearmActivity())
                {
                    Faults++;
                }
            }
        }

        /// <summary>The periodic check outside bursts: drains the FIFO and judges the orientation.</summary>
        public void CheckOrientation(long nowUnixMs)
        {
            if (!Running || Classifier.InBurst || Classifier.TiltPending)
            {
                return;
            }

            Drain(nowUnixMs);
            Classifier.CheckOrientation(nowUnixMs);
        }

        private void Drain(long nowUnixMs)
        {
            int n = _chip.ReadFifo(_x, _y, _z, _x.Length);
            if (n < 0)
            {
                Faults++;
                return;
            }

            // A full FIFO after a longer absence means older samples were lost: restart the filter.
            if (n == _x.Length && nowUnixMs - _lastReadUnixMs > (long)n * _settings.SamplePeriodMs)
            {
                Classifier.Resynchronise();
            }

            // The newest entry was sampled within the last period; older ones one period apart.
            for (int i = 0; i < n; i++)
            {
                Classifier.AddSample(nowUnixMs - ((long)(n - 1 - i) * _settings.SamplePeriodMs), _x[i], _y[i], _z[i]);
            }

            _lastReadUnixMs = nowUnixMs;
        }
    }
}
