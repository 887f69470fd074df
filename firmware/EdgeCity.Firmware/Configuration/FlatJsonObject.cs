namespace EdgeCity.Firmware.Configuration
{
    /// <summary>
    /// A tiny reader of one flat JSON object whose values are strings or integers — exactly what the flasher writes
    /// to the board's configuration file. It indexes the members once (offsets only, no strings) and answers
    /// lookups by key; anything else (nesting, arrays, escapes other than \" and \\, fractions) makes the text
    /// corrupt. At most <see cref="MaxMembers"/> members.
    /// </summary>
    public sealed class FlatJsonObject
    {
        /// <summary>Most members indexed; a larger file is corrupt.</summary>
        public const int MaxMembers = 96;

        private readonly byte[] _text;
        private readonly int[] _keyStart = new int[MaxMembers];
        private readonly int[] _keyLength = new int[MaxMembers];
        private readonly int[] _valueStart = new int[MaxMembers];
        private readonly int[] _valueLength = new int[MaxMembers];
        private readonly bool[] _valueIsString = new bool[MaxMembers];
        private int _count;
        private int _position;
        private readonly int _end;

        private FlatJsonObject(byte[] text, int length)
        {
            _text = text;
            _end = length;
        }

        /// <summary>Number of members.</summary>
        public int Count { get { return _count; } }

        /// <summary>Indexes the first <paramref name="length"/> bytes of <paramref name="text"/>; null when they are not a flat object.</summary>
        public static FlatJsonObject? TryParse(byte[]? text, int length)
        {
            if (text == null || length <= 0)
            {
                return null;
            }

            var obj = new FlatJsonObject(text, length < text.Length ? length : text.Length);
            return obj.Index() ? obj : null;
        }

        /// <summary>True when <paramref name="key"/> is a member.</summary>
        public bool Contains(string key)
        {
            return Find(key) >= 0;
        }

        /// <summary>The string member <paramref name="key"/>; false when absent or not a string.</summary>
        public bool TryGetString(string key, out string value)
        {
            value = string.Empty;
            int i = Find(key);
            if (i < 0 || !_valueIsString[i])
            {
                return false;
            }

            var chars = new char[_valueLength[i]];
            int n = 0;
            for (int p = _valueStart[i]; p < _valueStart[i] + _valueLength[i]; p++)
            {
                byte b = _text[p];
                if (b == (byte)'\\')
                {
                    p++;
                    b = _text[p];
                }

                chars[n++] = b < 0x80 ? (char)b : '?'; // ids, hosts and models are ASCII
            }

            value = new string(chars, 0, n);
            return true;
        }

        /// <summary>The integer member <paramref name="key"/>; false when absent, not an integer, or beyond ±2^31.</summary>
        public bool TryGetInt(string key, out int value)
        {
            value = 0;
            int i = Find(key);
            if (i < 0 || _valueIsString[i])
            {
                return false;
            }

            int p = _valueStart[i];
            int stop = p + _valueLength[i];
            bool negative = _text[p] == (byte)'-';
            if (negative)
            {
                p++;
            }

            long result = 0;
            for (; p < stop; p++)
            {
                result = result * 10 + (_text[p] - (byte)'0');
                if (result > 2147483648L)
                {
                    return false;
                }
            }

            result = negative ? -result : result;
            if (result > int.MaxValue)
            {
                return false;
            }

            value = (int)result;
            return true;
        }

        private int Find(string key)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keyLength[i] != key.Length)
                {
                    continue;
                }

                int k = 0;
                while (k < key.Length && _text[_keyStart[i] + k] == key[k])
                {
                    k++;
                }

                if (k == key.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private bool Index()
        {
            SkipSpace();
            if (!Take((byte)'{'))
            {
                return false;
            }

            SkipSpace();
            if (Take((byte)'}'))
            {
                return AtEnd();
            }

            while (true)
            {
                if (_count == MaxMembers)
                {
                    return false;
                }

                SkipSpace();
                int keyStart, keyLength;
                if (!ReadString(out keyStart, out keyLength))
                {
                    return false;
                }

                SkipSpace();
                if (!Take((byte)':'))
                {
                    return false;
                }

                SkipSpace();
                _keyStart[_count] = keyStart;
                _keyLength[_count] = keyLength;
                int valueStart, valueLength;
                if (_position < _end && _text[_position] == (byte)'"')
                {
                    if (!ReadString(out valueStart, out valueLength))
                    {
                        return false;
                    }

                    _valueIsString[_count] = true;
                }
                else if (ReadInteger(out valueStart, out valueLength))
                {
                    _valueIsString[_count] = false;
                }
                else
                {
                    return false;
                }

                _valueStart[_count] = valueStart;
                _valueLength[_count] = valueLength;
                _count++;
                SkipSpace();
                if (Take((byte)','))
                {
                    continue;
                }

                return Take((byte)'}') && AtEnd();
            }
        }

        private bool ReadString(out int start, out int length)
        {
            start = 0;
            length = 0;
            if (!Take((byte)'"'))
            {
                return false;
            }

            start = _position;
            while (_position < _end)
            {
                byte b = _text[_position];
                if (b == (byte)'"')
                {
                    length = _position - start;
                    _position++;
                    return true;
                }

                if (b == (byte)'\\')
                {
                    _position++;
                    if (_position >= _end || (_text[_position] != (byte)'"' && _text[_position] != (byte)'\\'))
                    {
                        return false;
                    }
                }
                else if (b < 0x20)
                {
                    return false;
                }

                _position++;
            }

            return false;
        }

        private bool ReadInteger(out int start, out int length)
        {
            start = _position;
            if (_position < _end && _text[_position] == (byte)'-')
            {
                _position++;
            }

            int digits = _position;
            while (_position < _end && _text[_position] >= (byte)'0' && _text[_position] <= (byte)'9')
            {
                _position++;
            }

            length = _position - start;
            return _position > digits && _position - digits <= 11;
        }

        private void SkipSpace()
        {
            while (_position < _end && (_text[_position] == (byte)' ' || _text[_position] == (byte)'\n' || _text[_position] == (byte)'\r' || _text[_position] == (byte)'\t'))
            {
                _position++;
            }
        }

        private bool Take(byte expected)
        {
            if (_position < _end && _text[_position] == expected)
            {
                _position++;
                return true;
            }

            return false;
        }

        private bool AtEnd()
        {
            SkipSpace();
            return _position == _end;
        }
    }
}
