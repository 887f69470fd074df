using EdgeCity.Firmware.Hardware;

namespace EdgeCity.Firmware.Configuration
{
    /// <summary>
    /// Stops a boot loop. Every boot counts as a quick reset until the board has run <c>stableAfterSeconds</c>;
    /// then the count is cleared. After <c>quickResetLimit</c> quick resets in a row the board stays in safe mode —
    /// uplink only, no sensors or display, a fault report — across further resets, until a good configuration
    /// arrives (<see cref="AcceptGoodConfiguration"/>). The count lives in its own non-volatile record (its own NVS
    /// key on a device), written twice per boot at most, so flash wear stays negligible.
    /// </summary>
    public sealed class BootLoopGuard
    {
        /// <summary>Bytes of the stored record: "EBLG" and the quick-reset count, little-endian.</summary>
        public const int RecordLength = 8;

        private static readonly byte[] Magic = new byte[] { (byte)'E', (byte)'B', (byte)'L', (byte)'G' };

        private readonly INonVolatileMemory _memory;
        private readonly int _quickResetLimit;
        private readonly int _stableAfterSeconds;
        private readonly byte[] _record = new byte[RecordLength];
        private int _quickResets;
        private bool _inSafeMode;
        private bool _cleared;

        /// <summary>Creates the guard.</summary>
        /// <param name="memory">Where the count survives resets and power loss.</param>
        /// <param name="quickResetLimit">Quick resets in a row that mean a boot loop (2–100; Tasmota uses 7).</param>
        /// <param name="stableAfterSeconds">Uptime (s) after which a boot counts as good (10–3600).</param>
        public BootLoopGuard(INonVolatileMemory memory, int quickResetLimit, int stableAfterSeconds)
        {
            if (memory == null)
            {
                throw new System.ArgumentNullException("memory");
            }

            if (quickResetLimit < 2 || quickResetLimit > 100)
            {
                throw new System.ArgumentOutOfRangeException("quickResetLimit", "expected 2 to 100 quick resets");
            }

            if (stableAfterSeconds < 10 || stableAfterSeconds > 3600)
            {
                throw new System.ArgumentOutOfRangeException("stableAfterSeconds", "expected 10 to 3600 seconds");
            }

            _memory = memory;
            _quickResetLimit = quickResetLimit;
            _stableAfterSeconds = stableAfterSeconds;
        }

        /// <summary>Quick resets in a row, this boot included (after <see cref="OnBoot"/>).</summary>
        public int QuickResets { get { return _quickResets; } }

        /// <summary>True when the board must stay in safe mode: uplink only, report, wait for a good configuration.</summary>
        public bool InSafeMode { get { return _inSafeMode; } }

        /// <summary>The fault code for the status message ("boot-loop:N"), or empty when not in safe mode.</summary>
        public string FaultCode { get { return _inSafeMode ? "boot-loop:" + _quickResets.ToString() : string.Empty; } }

        /// <summary>Call first thing at boot: counts this boot as a quick reset. Returns <see cref="InSafeMode"/>.</summary>
        public bool OnBoot()
        {
            int stored = 0;
            if (_memory.TryLoad(_record, RecordLength) && HasMagic())
            {
                stored = Parking.Bytes.GetInt(_record, 4);
            }

            _quickResets = stored < 0 ? 1 : stored + 1;
            _cleared = false;
            Store(_quickResets);
            _inSafeMode = _quickResets >= _quickResetLimit;
            return _inSafeMode;
        }

        /// <summary>
        /// Call now and then with the uptime in seconds: once the board has run long enough outside safe mode, the
        /// count is cleared (stored once). In safe mode nothing is cleared: only a good configuration ends it.
        /// </summary>
        public void OnUptime(int uptimeSeconds)
        {
            if (_inSafeMode || _cleared || uptimeSeconds < _stableAfterSeconds)
            {
                return;
            }

            _quickResets = 0;
            _cleared = true;
            Store(0);
        }

        /// <summary>A configuration was received and checked: leave safe mode and start counting afresh.</summary>
        public void AcceptGoodConfiguration()
        {
            _inSafeMode = false;
            _quickResets = 0;
            _cleared = true;
            Store(0);
        }

        private bool HasMagic()
        {
            for (int i = 0; i < Magic.Length; i++)
            {
                if (_record[i] != Magic[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Store(int count)
        {
            for (int i = 0; i < Magic.Length; i++)
            {
                _record[i] = Magic[i];
            }

            Parking.Bytes.PutInt(_record, 4, count);
            _memory.Save(_record, RecordLength); // a failed write only weakens the guard; the board keeps running
        }
    }
}
