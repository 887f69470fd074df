namespace EdgeCity.Firmware.Configuration.Signing
{
    /// <summary>
    /// The signature of a pushed configuration. The gateway relays it byte for byte; the payload is a flat JSON
    /// object whose last member is <c>"sig":"…64 hex digits…"</c>, and the tag is HMAC-SHA256, under the board's
    /// own key, of the same text without that member: the bytes before <c>,"sig":"</c> followed by <c>}</c>.
    /// So the signer writes the body, signs it, and inserts the member before the closing brace — no canonical
    /// JSON form is needed on either side. See docs/technician.md, "Why HMAC with a per-board key".
    /// </summary>
    public static class ConfigurationSignature
    {
        /// <summary>What precedes the tag's hex digits.</summary>
        public const string MemberPrefix = ",\"sig\":\"";

        /// <summary>Hex digits of a tag.</summary>
        public const int TagHexDigits = 2 * HmacSha256.TagBytes;

        /// <summary>
        /// Checks the first <paramref name="length"/> bytes of <paramref name="payload"/>. Returns the length of the
        /// signed text's prefix (where <c>,"sig":"</c> starts) when the tag matches, -1 when it is missing, malformed
        /// or wrong. <paramref name="scratch"/> is 2 × 32 bytes the caller owns (nothing is allocated).
        /// </summary>
        public static int Verify(byte[] payload, int length, HmacSha256 mac, byte[] scratch)
        {
            // The member must be last: prefix, 64 hex digits, quote, closing brace.
            int start = length - MemberPrefix.Length - TagHexDigits - 2;
            if (start < 1 || payload[length - 1] != (byte)'}' || payload[length - 2] != (byte)'"')
            {
                return -1;
            }

            for (int i = 0; i < MemberPrefix.Length; i++)
            {
                if (payload[start + i] != (byte)MemberPrefix[i])
                {
                    return -1;
                }
            }

            int hex = start + MemberPrefix.Length;
            for (int i = 0; i < HmacSha256.TagBytes; i++)
            {
                int high = HexValue(payload[hex + (2 * i)]);
                int low = HexValue(payload[hex + (2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    return -1;
                }

                scratch[HmacSha256.TagBytes + i] = (byte)((high << 4) | low);
            }

            mac.Reset();
            mac.Update(payload, 0, start);
            mac.Update((byte)'}');
            mac.Finish(scratch, 0);

            // Constant time: a byte-by-byte early exit would tell an attacker how much of a forged tag is right.
            int difference = 0;
            for (int i = 0; i < HmacSha256.TagBytes; i++)
            {
                difference |= scratch[i] ^ scratch[HmacSha256.TagBytes + i];
            }

            return difference == 0 ? start : -1;
        }

        /// <summary>Parses 64 hex digits into a 32-byte key; null when <paramref name="hex"/> is not that.</summary>
        public static byte[]? ParseKey(string hex)
        {
            if (hex == null || hex.Length != TagHexDigits)
            {
                return null;
            }

            var key = new byte[HmacSha256.TagBytes];
            for (int i = 0; i < key.Length; i++)
            {
                int high = HexValue((byte)hex[2 * i]);
                int low = HexValue((byte)hex[(2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                key[i] = (byte)((high << 4) | low);
            }

            return key;
        }

        private static int HexValue(byte c)
        {
            if (c >= (byte)'0' && c <= (byte)'9')
            {
                return c - '0';
            }

            if (c >= (byte)'a' && c <= (byte)'f')
            {
                return c - 'a' + 10;
            }

            return c >= (byte)'A' && c <= (byte)'F' ? c - 'A' + 10 : -1;
        }
    }
}
