namespace EdgeCity.Firmware.Parking
{
    /// <summary>The little arithmetic the detector needs; nanoFramework's mscorlib has no System.Math.</summary>
    public static class IntegerMath
    {
        /// <summary>Floor of the square root of <paramref name="value"/> (≥ 0), by Newton's iteration.</summary>
        public static long Sqrt(long value)
        {
            if (value <= 0)
            {
                return 0;
            }

            long x = value;
            long y = (x + 1) / 2;
            while (y < x)
            {
                x = y;
                y = (x + (value / x)) / 2;
            }

            return x;
        }

        /// <summary>Absolute value.</summary>
        public static long Abs(long value)
        {
            return value < 0 ? -value : value;
        }
    }
}
