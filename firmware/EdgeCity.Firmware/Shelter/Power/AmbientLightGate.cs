namespace EdgeCity.Firmware.Shelter.Power
{
    /// <summary>
    /// Day or night from the ambient light, with hysteresis and a confirmation count so dusk, a passing bus's
    /// headlights or a cloud do not flip the display back and forth.
    /// </summary>
    public sealed class AmbientLightGate
    {
        private readonly PowerSettings _settings;
        private int _confirm;

        /// <summary>Starts as day (the display is on until the first readings say otherwise).</summary>
        public AmbientLightGate(PowerSettings settings)
        {
            _settings = settings;
        }

        /// <summary>True once the light stayed below the dark threshold for the confirmation count.</summary>
        public bool IsDark { get; private set; }

        /// <summary>The last reading, lux.</summary>
        public int LastLux { get; private set; }

        /// <summary>Feeds one reading in lux. Returns true when <see cref="IsDark"/> changed.</summary>
        public bool Update(int lux)
        {
            LastLux = lux;
            bool beyond = IsDark ? lux >= _settings.BrightAboveLux : lux <= _settings.DarkBelowLux;
            if (!beyond)
            {
                _confirm = 0;
                return false;
            }

            _confirm++;
            if (_confirm < _settings.LightConfirmReadings)
            {
                return false;
            }

            _confirm = 0;
            IsDark = !IsDark;
            return true;
        }
    }
}
