namespace EdgeCity.Firmware.Configuration.Signing
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104) over <see cref="Sha256"/>, for checking a pushed configuration's signature on a
    /// board. Incremental like the hash; the key is fixed at construction. Allocates nothing after that.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>Bytes of a tag.</summary>
        public const int TagBytes = Sha256.DigestBytes;

        private readonly Sha256 _hash = new Sha256();
        private readonly byte[] _innerPad = new byte[Sha256.BlockBytes];
        private readonly byte[] _outerPad = new byte[Sha256.BlockBytes];
        private readonly byte[] _innerDigest = new byte[Sha256.DigestBytes];

        /// <summary>Creates the MAC with <paramref name="key"/> (any length; a key longer than a block is hashed first).</summary>
        public HmacSha256(byte[] key)
        {
            if (key == null)
            {
                throw new System.ArgumentNullException("key");
            }

            var block = new byte[Sha256.BlockBytes];
            if (key.Length > Sha256.BlockBytes)
            {
                _hash.Update(key, 0, key.Length);
                _hash.Finish(block, 0);
            }
            else
            {
                System.Array.Copy(key, block, key.Length);
            }

            for (int i = 0; i < Sha256.BlockBytes; i++)
            {
                _innerPad[i] = (byte)(block[i] ^ 0x36);
                _outerPad[i] = (byte)(block[i] ^ 0x5c);
            }

            Reset();
        }

        /// <summary>Starts a new tag.</summary>
        public void Reset()
        {
            _hash.Reset();
            _hash.Update(_innerPad, 0, Sha256.BlockBytes);
        }

        /// <summary>Adds <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _hash.Update(data, offset, count);
        }

        /// <summary>Adds one byte.</summary>
        public void Update(byte value)
        {
            _hash.Update(value);
        }

        /// <summary>Writes the tag to <paramref name="tag"/> at <paramref name="offset"/> and starts a new one.</summary>
        public void Finish(byte[] tag, int offset)
        {
            _hash.Finish(_innerDigest, 0);
            _hash.Update(_outerPad, 0, Sha256.BlockBytes);
            _hash.Update(_innerDigest, 0, Sha256.DigestBytes);
            _hash.Finish(tag, offset);
            Reset();
        }
    }
}
