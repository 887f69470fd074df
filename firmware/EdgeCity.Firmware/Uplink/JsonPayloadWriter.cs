namespace EdgeCity.Firmware.Uplink
{
    /// <summary>
    /// Writes a flat JSON object into a byte buffer the caller owns, without allocating: the sampling loop
    /// runs for years on a ~100 KB heap, so no string is built per message. Keys and string values are
    /// ASCII identifiers chosen by the firmware, so only the characters a JSON string needs escaped are
    /// escaped (quote and backslash); anything else outside printable ASCII is replaced by '?'.
    /// </summary>
    public sealed class JsonPayloadWriter
    {
        private byte[] _buffer;
        private int _length;
        private bool _firstMember;
        private bool _overflowed;

        /// <summary>Creates a writer over <paramref name="buffer"/>; call <see cref="Begin()"/> before each message.</summary>
        public JsonPayloadWriter(byte[] buffer)
        {
            _buffer = buffer;
        }

        /// <summary>The buffer being written.</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Bytes written since <see cref="Begin()"/>.</summary>
        public int Length { get { return _length; } }

        /// <summary>True when the message did not fit the buffer; the content is then incomplete.</summary>
        public bool Overflowed { get { return _overflowed; } }

        /// <summary>Points the writer at another buffer (the offline queue's slots) and starts a message there.</summary>
        public void Begin(byte[] buffer)
        {
            _buffer = buffer;
            Begin();
        }

        /// <summary>Starts a new object at the beginning of the buffer.</summary>
        public void Begin()
        {
            _length = 0;
            _overflowed = false;
            _firstMember = true;
            Put((byte)'{');
        }

        /// <summary>Closes the object. Returns false if it overflowed.</summary>
        public bool End()
        {
            Put((byte)'}');
            return !_overflowed;
        }

        /// <summary>Writes <c>"key":"value"</c>.</summary>
        public void String(string key, string value)
        {
            Key(key);
            Quoted(value);
        }

        /// <summary>Writes <c>"key":number</c>.</summary>
        public void Number(string key, long value)
        {
            Key(key);
            Digits(value);
        }

        /// <summary>Writes <c>"key":true|false</c>.</summary>
        public void Boolean(string key, bool value)
        {
            Key(key);
            Ascii(value ? "true" : "false");
        }

        /// <summary>Writes <c>"key":"hex"</c>: the first <paramref name="count"/> bytes, two lowercase hex digits each.</summary>
        public void Hex(string key, byte[] bytes, int count)
        {
            Key(key);
            Put((byte)'"');
            for (int i = 0; i < count; i++)
            {
                Put(HexDigit(bytes[i] >> 4));
                Put(HexDigit(bytes[i] & 0x0F));
            }

            Put((byte)'"');
        }

        private static byte HexDigit(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }

        private void Key(string key)
        {
            if (!_firstMember)
            {
                Put((byte)',');
            }

            _firstMember = false;
            Quoted(key);
            Put((byte)':');
        }

        private void Quoted(string text)
        {
            Put((byte)'"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\')
                {
                    Put((byte)'\\');
                    Put((byte)c);
                }
                else if (c < ' ' || c > '~')
                {
                    Put((byte)'?');
                }
                else
                {
                    Put((byte)c);
                }
            }

            Put((byte)'"');
        }

        private void Ascii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Put((byte)text[i]);
            }
        }

        private void Digits(long value)
        {
            if (value == 0)
            {
                Put((byte)'0');
                return;
            }

            // Work in negative numbers so long.MinValue needs no special case.
            bool negative = value < 0;
            long n = negative ? value : -value;
            int start = _length;
            while (n != 0)
            {
                Put((byte)('0' - (int)(n % 10)));
                n /= 10;
            }

            if (negative)
            {
                Put((byte)'-');
            }

            Reverse(start, _length - 1);
        }

        private void Reverse(int from, int to)
        {
            if (_overflowed)
            {
                return;
            }

            while (from < to)
            {
                byte t = _buffer[from];
                _buffer[from] = _buffer[to];
                _buffer[to] = t;
                from++;
                to--;
            }
        }

        private void Put(byte b)
        {
            if (_length >= _buffer.Length)
            {
                _overflowed = true;
                return;
            }

            _buffer[_length++] = b;
        }
    }
}
