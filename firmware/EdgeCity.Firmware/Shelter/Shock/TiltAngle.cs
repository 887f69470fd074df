namespace EdgeCity.Firmware.Shelter.Shock
{
    /// <summary>
    /// The angle between two acceleration vectors in whole degrees, without floating-point trigonometry (no
    /// System.Math on nanoFramework): cos θ = a·b / (|a||b|) compared against a table of cosines.
    /// </summary>
    public static class TiltAngle
    {
        // cos(d°) × 1,000,000 for d = 0…90.
        private static readonly int[] CosinePpm = new int[]
        {
            1000000, 999848, 999391, 998630, 997564, 996195, 994522, 992546, 990268, 987688,
            984808, 981627, 978148, 974370, 970296, 965926, 961262, 956305, 951057, 945519,
            939693, 933580, 927184, 920505, 913545, 906308, 898794, 891007, 882948, 874620,
            866025, 857167, 848048, 838671, 829038, 819152, 809017, 798636, 788011, 777146,
            766044, 754710, 743145, 731354, 719340, 707107, 694658, 681998, 669131, 656059,
            642788, 629320, 615661, 601815, 587785, 573576, 559193, 544639, 529919, 515038,
            500000, 484810, 469472, 453990, 438371, 422618, 406737, 390731, 374607, 358368,
            342020, 325568, 309017, 292372, 275637, 258819, 241922, 224951, 207912, 190809,
            173648, 156434, 139173, 121869, 104528, 87156, 69756, 52336, 34899, 17452,
            0,
        };

        /// <summary>The angle between (ax, ay, az) and (bx, by, bz) in degrees (0–180); 0 if either is zero.</summary>
        public static int Degrees(int ax, int ay, int az, int bx, int by, int bz)
        {
            long dot = ((long)ax * bx) + ((long)ay * by) + ((long)az * bz);
            long a2 = ((long)ax * ax) + ((long)ay * ay) + ((long)az * az);
            long b2 = ((long)bx * bx) + ((long)by * by) + ((long)bz * bz);
            if (a2 == 0 || b2 == 0)
            {
                return 0;
            }

            // cos = dot / sqrt(a2 * b2), in ppm; the product fits a long for accelerations up to ±16 g in mg.
            long norm = IntegerSqrt(a2 * b2);
            long cosPpm = (dot * 1000000) / norm;
            bool obtuse = cosPpm < 0;
            if (obtuse)
            {
                cosPpm = -cosPpm;
            }

            int degrees = 90;
            for (int d = 0; d <= 90; d++)
            {
                if (cosPpm >= CosinePpm[d])
                {
                    degrees = d;
                    break;
                }
            }

            return obtuse ? 180 - degrees : degrees;
        }

        private static long IntegerSqrt(long n)
        {
            // Newton's method on integers: converges in a few dozen steps for 64-bit values.
            if (n < 2)
            {
                return n;
            }

            long x = n;
            long y = (x + 1) / 2;
            while (y < x)
            {
                x = y;
                y = (x + (n / x)) / 2;
            }

            return x;
        }
    }
}
