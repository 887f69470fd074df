namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// A magnetometer's threshold interrupt, used to wake the board when a vehicle arrives or leaves while the
    /// processor sleeps. The chip compares every measurement with the armed baseline on its own.
    /// </summary>
    public interface IMagnetometerWake
    {
        /// <summary>
        /// Arms the interrupt: it fires when any axis deviates from its baseline by more than
        /// <paramref name="thresholdNanotesla"/>. Baselines are in nanotesla (Earth's field ~50,000 nT per
        /// magnitude); the threshold is positive, rounded to the chip's resolution (LIS2MDL: 150 nT per LSB,
        /// at most 32767 LSB). On the LIS2MDL the baseline goes to the hard-iron OFFSET registers and the
        /// threshold applies to offset-cancelled data (INT_on_DataOFF).
        /// </summary>
        /// <returns>False on a bus error or an out-of-range argument; the interrupt is then not armed.</returns>
        bool ArmWake(int baselineXNanotesla, int baselineYNanotesla, int baselineZNanotesla, int thresholdNanotesla);

        /// <summary>True while the chip's interrupt line is asserted (the INT pin, active as armed).</summary>
        bool WakePending { get; }

        /// <summary>Acknowledges the interrupt (reads the chip's interrupt source, releasing a latched line).</summary>
        void ClearWake();
    }
}
