namespace EdgeCity.Firmware.Hardware
{
    /// <summary>
    /// A small record that survives resets and power loss (NVS flash on an ESP32; RTC memory is not enough, a
    /// brown-out clears it). Writes wear flash, so callers save only on change.
    /// </summary>
    public interface INonVolatileMemory
    {
        /// <summary>Reads the stored record into <paramref name="buffer"/>. False when nothing (valid) is stored.</summary>
        bool TryLoad(byte[] buffer, int length);

        /// <summary>Stores the first <paramref name="length"/> bytes of <paramref name="buffer"/>. False on a write error.</summary>
        bool Save(byte[] buffer, int length);
    }
}
