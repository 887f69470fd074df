namespace EdgeCity.Firmware.Shelter.Display
{
    /// <summary>
    /// Draws text with the generated <see cref="ShelterFont16"/> glyph table: binary search for the character,
    /// set bits drawn at the text's grey level. A character the table lacks is drawn as a box (□), so a missing
    /// glyph shows on the panel instead of vanishing.
    /// </summary>
    public static class ShelterFont
    {
        private const char MissingGlyph = '\u25A1';

        /// <summary>Line height in pixels.</summary>
        public const int HeightPx = ShelterFont16.HeightPx;

        /// <summary>Index of <paramref name="c"/> in the table, or -1.</summary>
        public static int IndexOf(char c)
        {
            char[] codes = ShelterFont16.Codes;
            int low = 0;
            int high = codes.Length - 1;
            while (low <= high)
            {
                int mid = (low + high) / 2;
                if (codes[mid] == c)
                {
                    return mid;
                }

                if (codes[mid] < c)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return -1;
        }

        /// <summary>Advance of <paramref name="c"/> in pixels (the box's for a missing character).</summary>
        public static int Advance(char c)
        {
            int index = IndexOf(c);
            if (index < 0)
            {
                index = IndexOf(MissingGlyph);
            }

            return index < 0 ? 0 : ShelterFont16.Advances[index];
        }

        /// <summary>Width of <paramref name="text"/> in pixels.</summary>
        public static int Measure(string text)
        {
            int width = 0;
            for (int i = 0; i < text.Length; i++)
            {
                width += Advance(text[i]);
            }

            return width;
        }

        /// <summary>Width of <paramref name="value"/> (≥ 0) written in decimal, pixels.</summary>
        public static int MeasureNumber(int value)
        {
            int width = 0;
            do
            {
                width += Advance((char)('0' + (value % 10)));
                value /= 10;
            }
            while (value > 0);
            return width;
        }

        /// <summary>
        /// Draws <paramref name="text"/> with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>),
        /// clipped at <paramref name="maxX"/> (exclusive). Returns the x after the last character drawn.
        /// </summary>
        public static int Draw(GreyFrame frame, int x, int y, string text, int grey, int maxX)
        {
            for (int i = 0; i < text.Length; i++)
            {
                int advance = Advance(text[i]);
                if (x + advance > maxX)
                {
                    break;
                }

                x += DrawChar(frame, x, y, text[i], grey);
            }

            return x;
        }

        /// <summary>Draws <paramref name="value"/> (≥ 0) in decimal without allocating. Returns the x after it.</summary>
        public static int DrawNumber(GreyFrame frame, int x, int y, int value, int grey)
        {
            int digits = 1;
            for (int v = value / 10; v > 0; v /= 10)
            {
                digits *= 10;
            }

            for (; digits > 0; digits /= 10)
            {
                x += DrawChar(frame, x, y, (char)('0' + ((value / digits) % 10)), grey);
            }

            return x;
        }

        /// <summary>Draws one character; returns its advance.</summary>
        public static int DrawChar(GreyFrame frame, int x, int y, char c, int grey)
        {
            int index = IndexOf(c);
            if (index < 0)
            {
                index = IndexOf(MissingGlyph);
                if (index < 0)
                {
                    return 0;
                }
            }

            int advance = ShelterFont16.Advances[index];
            int bytesPerRow = (advance + 7) / 8;
            int offset = ShelterFont16.Offsets[index];
            byte[] bits = ShelterFont16.Bits;
            for (int row = 0; row < HeightPx; row++)
            {
                for (int col = 0; col < advance; col++)
                {
                    if ((bits[offset + (row * bytesPerRow) + (col / 8)] & (0x80 >> (col % 8))) != 0)
                    {
                        frame.SetPixel(x + col, y + row, grey);
                    }
                }
            }

            return advance;
        }
    }
}
