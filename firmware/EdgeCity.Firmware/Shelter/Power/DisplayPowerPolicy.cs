namespace EdgeCity.Firmware.Shelter.Power
{
    /// <summary>
    /// Decides the display's mode and brightness from the service hours, day or night, and presence. By day in
    /// service hours the display is on at a brightness that follows the ambient light; at night it is off until
    /// someone is near (PIR), then on at the night brightness for the hold time; outside service hours it shows
    /// the first bus to whoever comes near, and is off otherwise.
    /// </summary>
    public sealed class DisplayPowerPolicy
    {
        private readonly PowerSettings _settings;

        /// <summary>Creates the policy.</summary>
        public DisplayPowerPolicy(PowerSettings settings)
        {
            _settings = settings;
        }

        /// <summary>The mode decided by the last <see cref="Decide"/>.</summary>
        public DisplayMode Mode { get; private set; }

        /// <summary>The brightness decided by the last <see cref="Decide"/>, nits (0 when off).</summary>
        public int Nits { get; private set; }

        /// <summary>Decides; returns true when the mode or the brightness changed.</summary>
        /// <param name="inService">Buses run now.</param>
        /// <param name="dark">The ambient light gate says night.</param>
        /// <param name="presenceRecent">Someone was detected within the hold time.</param>
        /// <param name="lux">The last ambient reading, lux.</param>
        public bool Decide(bool inService, bool dark, bool presenceRecent, int lux)
        {
            DisplayMode mode;
            int nits;
            if (inService && !dark)
            {
                mode = DisplayMode.Day;
                nits = DayNits(lux);
            }
            else if (inService && presenceRecent)
            {
                mode = DisplayMode.Night;
                nits = NightNits();
            }
            else if (!inService && presenceRecent)
            {
                mode = DisplayMode.ServiceEnded;
                nits = NightNits();
            }
            else
            {
                mode = DisplayMode.Off;
                nits = 0;
            }

            bool changed = mode != Mode || nits != Nits;
            Mode = mode;
            Nits = nits;
            return changed;
        }

        private int NightNits()
        {
            return _settings.NightNits < _settings.NightCapNits ? _settings.NightNits : _settings.NightCapNits;
        }

        private int DayNits(int lux)
        {
            // Linear in log-ish steps is not needed: the eye adapts, and the cap matters only in direct sun.
            int cap = _settings.DayCapNits < _settings.PanelMaxNits ? _settings.DayCapNits : _settings.PanelMaxNits;
            if (lux >= _settings.DayFullBrightLux)
            {
                return cap;
            }

            int span = cap - _settings.DayMinNits;
            int nits = _settings.DayMinNits + (int)(((long)span * lux) / _settings.DayFullBrightLux);

            // Round to 10 nits so that small changes in the light do not rewrite the contrast register each minute.
            return (nits / 10) * 10;
        }
    }
}
