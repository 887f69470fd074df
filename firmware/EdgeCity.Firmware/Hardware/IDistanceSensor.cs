namespace EdgeCity.Firmware.Hardware
{
    /// <summary>A ranging sensor looking up from the bay (time-of-flight), as the firmware sees it.</summary>
    public interface IDistanceSensor
    {
        /// <summary>
        /// Takes one range measurement in millimetres to the nearest target (a vehicle's underbody is
        /// 100–500 mm above the sensor). Returns true with <paramref name="millimetres"/> = 8190 when nothing
        /// is in range; false on a bus or sensor fault (the output is then 0).
        /// </summary>
        bool TryReadDistance(out int millimetres);
    }
}
