namespace EdgeCity.Firmware.Drivers.Lis2mdl
{
    /// <summary>The wake half of the driver: the LIS2MDL's threshold interrupt (DS12144 §8.10–8.12, AN5069 §7).</summary>
    public sealed partial class Lis2mdlMagnetometer
    {
        /// <inheritdoc />
        /// <remarks>
        /// Writes the baseline to OFFSET_X/Y/Z (so the chip compares offset-cancelled data, INT_on_DataOFF = 1),
        /// the threshold to INT_THS, enables all three axes, active-high and latched, routes INT to the pin and
        /// puts the chip in continuous mode. Baselines within ±4,915,050 nT; threshold 150…4,915,050 nT.
        /// </remarks>
        public bool ArmWake(int baselineXNanotesla, int baselineYNanotesla, int baselineZNanotesla, int thresholdNanotesla)
        {
            const int Limit = MaxThresholdLsb * NanoteslaPerLsb;
            if (Status != DriverStatus.Ready ||
                !InRange(baselineXNanotesla, Limit) || !InRange(baselineYNanotesla, Limit) || !InRange(baselineZNanotesla, Limit) ||
                thresholdNanotesla < NanoteslaPerLsb || thresholdNanotesla > Limit)
            {
                return false;
            }

            int offsetX = RoundedLsb(baselineXNanotesla);
            int offsetY = RoundedLsb(baselineYNanotesla);
            int offsetZ = RoundedLsb(baselineZNanotesla);
            int threshold = RoundedLsb(thresholdNanotesla);
            _configA = (byte)((_configA & ~Lis2mdlBits.ModeMask) | Lis2mdlBits.ModeContinuous);
            _configB = (byte)(_configB | Lis2mdlBits.InterruptOnOffsetData);
            _configC = (byte)(_configC | Lis2mdlBits.InterruptOnPin);

            bool written = WriteWord(Lis2mdlRegister.OffsetXLow, offsetX)
                && WriteWord(Lis2mdlRegister.OffsetYLow, offsetY)
                && WriteWord(Lis2mdlRegister.OffsetZLow, offsetZ)
                && WriteWord(Lis2mdlRegister.InterruptThresholdLow, threshold)
                && Write(Lis2mdlRegister.ConfigB, _configB)
                && Write(Lis2mdlRegister.ConfigC, _configC)
                && Write(Lis2mdlRegister.InterruptControl,
                    (byte)(Lis2mdlBits.AllAxesEnabled | Lis2mdlBits.ActiveHigh | Lis2mdlBits.Latched | Lis2mdlBits.InterruptEnable))
                && Write(Lis2mdlRegister.ConfigA, _configA);

            // The output data are corrected by whatever reached the OFFSET registers; track them even on a failure
            // part-way, then re-arm. A read of INT_SOURCE drops anything latched under the old baseline.
            _offsetX = offsetX;
            _offsetY = offsetY;
            _offsetZ = offsetZ;
            _wakeArmed = written;
            _staleReads = 0;
            return written && ReadInterruptSource();
        }

        /// <summary>Disables the interrupt and clears the offsets; the field reads as before arming.</summary>
        public bool DisarmWake()
        {
            if (Status != DriverStatus.Ready)
            {
                return false;
            }

            _configB = (byte)(_configB & ~Lis2mdlBits.InterruptOnOffsetData);
            _configC = (byte)(_configC & ~Lis2mdlBits.InterruptOnPin);
            if (SingleShot)
            {
                _configA = (byte)((_configA & ~Lis2mdlBits.ModeMask) | Lis2mdlBits.ModeIdle);
            }

            bool written = Write(Lis2mdlRegister.InterruptControl, Lis2mdlBits.AllAxesEnabled)
                && Write(Lis2mdlRegister.ConfigC, _configC)
                && Write(Lis2mdlRegister.ConfigB, _configB)
                && WriteWord(Lis2mdlRegister.OffsetXLow, 0)
                && WriteWord(Lis2mdlRegister.OffsetYLow, 0)
                && WriteWord(Lis2mdlRegister.OffsetZLow, 0)
                && Write(Lis2mdlRegister.ConfigA, _configA);
            if (written)
            {
                _offsetX = _offsetY = _offsetZ = 0;
                _wakeArmed = false;
            }

            return written;
        }

        /// <inheritdoc />
        public bool WakePending
        {
            get
            {
                if (!_wakeArmed)
                {
                    return false;
                }

                if (_interruptPin != null)
                {
                    return _interruptPin.IsActive; // armed active-high (IEA = 1)
                }

                // No pin wired: the INT bit of INT_SOURCE_REG, read over the bus (this acknowledges it).
                return ReadInterruptSource() && (LastInterruptSource & 0x01) != 0;
            }
        }

        /// <inheritdoc />
        public void ClearWake() => ReadInterruptSource();

        /// <summary>Reads INT_SOURCE_REG; a latched interrupt (IEL = 1) is released by this read (DS12144 §8.12).</summary>
        private bool ReadInterruptSource()
        {
            if (!_bus.TryRead((byte)Lis2mdlRegister.InterruptSource, _single, 1))
            {
                BusErrors++;
                return false;
            }

            LastInterruptSource = _single[0];
            return true;
        }
    }
}
