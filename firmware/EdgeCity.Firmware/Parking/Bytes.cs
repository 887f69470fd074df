namespace EdgeCity.Firmware.Parking
{
    /// <summary>Little-endian field packing for records kept in non-volatile memory (no BitConverter needed).</summary>
    public static class Bytes
    {
        /// <summary>Writes a 32-bit integer.</summary>
        public static void PutInt(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads a 32-bit integer.</summary>
        public static int GetInt(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }

        /// <summary>Writes <paramref name="value"/> × 100 as a 16-bit integer, clamped to its range.</summary>
        public static void PutShortClamped(byte[] buffer, int offset, double value)
        {
            double scaled = value * 100;
            int v = scaled > 32767 ? 32767 : scaled < -32768 ? -32768 : (int)scaled;
            buffer[offset] = (byte)v;
            buffer[offset + 1] = (byte)(v >> 8);
        }

        /// <summary>Reads a signed 16-bit integer.</summary>
        public static short GetShort(byte[] buffer, int offset)
        {
            return (short)(buffer[offset] | (buffer[offset + 1] << 8));
        }
    }
}
