namespace EdgeCity.Firmware.Shelter.Display
{
    /// <summary>
    /// A 4-bit grey frame in the SSD1322's display RAM layout: two pixels per byte, left pixel in the high
    /// nibble, rows top to bottom. 256×64 is 8,192 bytes, allocated once.
    /// </summary>
    public sealed class GreyFrame
    {
        /// <summary>Creates a black frame of <paramref name="widthPx"/> (even) × <paramref name="heightPx"/>.</summary>
        public GreyFrame(int widthPx, int heightPx)
        {
            WidthPx = widthPx;
            HeightPx = heightPx;
            Bytes = new byte[(widthPx / 2) * heightPx];
        }

        /// <summary>Width in pixels.</summary>
        public int WidthPx { get; private set; }

        /// <summary>Height in pixels.</summary>
        public int HeightPx { get; private set; }

        /// <summary>The pixels, as sent to the controller.</summary>
        public byte[] Bytes { get; private set; }

        /// <summary>Sets every pixel to black.</summary>
        public void Clear()
        {
            for (int i = 0; i < Bytes.Length; i++)
            {
                Bytes[i] = 0;
            }
        }

        /// <summary>Sets pixel (<paramref name="x"/>, <paramref name="y"/>) to <paramref name="grey"/> (0–15); outside the frame: ignored.</summary>
        public void SetPixel(int x, int y, int grey)
        {
            if (x < 0 || y < 0 || x >= WidthPx || y >= HeightPx)
            {
                return;
            }

            int index = (y * (WidthPx / 2)) + (x / 2);
            if ((x & 1) == 0)
            {
                Bytes[index] = (byte)((Bytes[index] & 0x0F) | (grey << 4));
            }
            else
            {
                Bytes[index] = (byte)((Bytes[index] & 0xF0) | (grey & 0x0F));
            }
        }

        /// <summary>The grey level (0–15) of a pixel; 0 outside the frame.</summary>
        public int GetPixel(int x, int y)
        {
            if (x < 0 || y < 0 || x >= WidthPx || y >= HeightPx)
            {
                return 0;
            }

            byte b = Bytes[(y * (WidthPx / 2)) + (x / 2)];
            return (x & 1) == 0 ? b >> 4 : b & 0x0F;
        }

        /// <summary>Sum of all grey levels: 15 × pixels for full white. An OLED draws current in proportion to it.</summary>
        public int GreySum()
        {
            int sum = 0;
            for (int i = 0; i < Bytes.Length; i++)
            {
                sum += (Bytes[i] >> 4) + (Bytes[i] & 0x0F);
            }

            return sum;
        }
    }
}
