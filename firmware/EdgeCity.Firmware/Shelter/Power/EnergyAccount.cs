namespace EdgeCity.Firmware.Shelter.Power
{
    /// <summary>
    /// The board's energy account: what it used (panel from its measured supply current, plus the electronics)
    /// and what an always-on display at full brightness showing the same pages would have used, per local day
    /// and in total. Integrates in millijoules on every wake; integer arithmetic.
    /// </summary>
    public sealed class EnergyAccount
    {
        private readonly PowerSettings _settings;
        private long _lastUnixMs;
        private int _day = -1;

        /// <summary>Starts the account at <paramref name="nowUnixMs"/>.</summary>
        public EnergyAccount(PowerSettings settings, long nowUnixMs)
        {
            _settings = settings;
            _lastUnixMs = nowUnixMs;
        }

        /// <summary>Energy used since start, mJ.</summary>
        public long UsedMillijoules { get; private set; }

        /// <summary>Energy the always-on, full-brightness baseline would have used since start, mJ.</summary>
        public long BaselineMillijoules { get; private set; }

        /// <summary>Energy the display panel used since start, mJ (what night power saving controls).</summary>
        public long PanelMillijoules { get; private set; }

        /// <summary>Energy the panel would have used always on at full brightness, mJ.</summary>
        public long PanelBaselineMillijoules { get; private set; }

        /// <summary>Used today (local day), mWh.</summary>
        public long TodayMilliwattHours { get { return _todayUsed / 3600; } }

        /// <summary>Used on the previous local day, mWh (0 before the first midnight).</summary>
        public long YesterdayMilliwattHours { get; private set; }

        /// <summary>Saved on the previous local day against the baseline, mWh.</summary>
        public long YesterdaySavedMilliwattHours { get; private set; }

        private long _todayUsed;
        private long _todayBaseline;

        /// <summary>
        /// Books the time since the last call at the powers that held during it: <paramref name="panelMicroamps"/>
        /// drawn by the panel (0 when off) and <paramref name="baselineMicroamps"/> the panel would draw on at full
        /// brightness. <paramref name="localDay"/> is the local day number (days since the epoch).
        /// </summary>
        public void Book(long nowUnixMs, int panelMicroamps, int baselineMicroamps, int localDay)
        {
            long dtMs = nowUnixMs - _lastUnixMs;
            _lastUnixMs = nowUnixMs;
            if (_day < 0)
            {
                _day = localDay;
            }

            if (dtMs > 0)
            {
                // mW = mV * µA / 1e6; mJ = mW * ms / 1000.
                long panelMw = ((long)_settings.PanelSupplyMillivolts * panelMicroamps) / 1000000;
                long baselineMw = ((long)_settings.PanelSupplyMillivolts * baselineMicroamps) / 1000000;
                long used = ((panelMw + _settings.ElectronicsMilliwatts) * dtMs) / 1000;
                long baseline = ((baselineMw + _settings.ElectronicsMilliwatts) * dtMs) / 1000;
                PanelMillijoules += (panelMw * dtMs) / 1000;
                PanelBaselineMillijoules += (baselineMw * dtMs) / 1000;
                UsedMillijoules += used;
                BaselineMillijoules += baseline;
                _todayUsed += used;
                _todayBaseline += baseline;
            }

            if (localDay != _day)
            {
                YesterdayMilliwattHours = _todayUsed / 3600;
                YesterdaySavedMilliwattHours = (_todayBaseline - _todayUsed) / 3600;
                _todayUsed = 0;
                _todayBaseline = 0;
                _day = localDay;
            }
        }
    }
}
