namespace EdgeCity.Firmware.Drivers
{
    /// <summary>
    /// "0x4F"-style text for failure messages. Written by hand because number format strings differ between
    /// nanoFramework and .NET; used only on the (allocating) failure path, never while sampling.
    /// </summary>
    internal static class HexText
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>Formats <paramref name="value"/> as "0x" and two upper-case hex digits.</summary>
        public static string Byte(int value)
        {
            char[] text = new char[4];
            text[0] = '0';
            text[1] = 'x';
            text[2] = Digits[(value >> 4) & 0x0F];
            text[3] = Digits[value & 0x0F];
            return new string(text);
        }
    }
}
