namespace EdgeCity.Firmware.Shelter.Power
{
    /// <summary>
    /// Night power saving and the energy model. Figures and their sources are in docs/shelter-board.md; the
    /// electrical ones are assumptions for a 256×64 OLED module until measured on a real board.
    /// </summary>
    public sealed class PowerSettings
    {
        /// <summary>Local time offset from UTC, minutes (Korea: +540).</summary>
        public int UtcOffsetMinutes = 540;

        /// <summary>Default first bus until the gateway pushes the stop's hours, minutes after midnight (05:30).</summary>
        public int DefaultFirstBusMinute = 330;

        /// <summary>Default last bus, minutes after midnight (23:30).</summary>
        public int DefaultLastBusMinute = 1410;

        /// <summary>Night starts when the light stays at or below this, lux (street-lit shelter at night: 5–30 lux).</summary>
        public int DarkBelowLux = 40;

        /// <summary>Day returns when the light stays at or above this, lux (above the dark threshold: hysteresis).</summary>
        public int BrightAboveLux = 120;

        /// <summary>Readings beyond a threshold in a row before day/night flips (1–10).</summary>
        public int LightConfirmReadings = 3;

        /// <summary>How long a PIR detection keeps the display on at night, ms.</summary>
        public int PresenceHoldMs = 90000;

        /// <summary>Luminance of a full-white panel at maximum contrast, cd/m² ("nits").</summary>
        public int PanelMaxNits = 400;

        /// <summary>Brightness cap by day, nits (at most <see cref="PanelMaxNits"/>).</summary>
        public int DayCapNits = 400;

        /// <summary>Lowest daytime brightness (overcast, dusk), nits.</summary>
        public int DayMinNits = 150;

        /// <summary>Ambient light at which the day brightness reaches its cap, lux (direct sun on the panel).</summary>
        public int DayFullBrightLux = 20000;

        /// <summary>Brightness at night and for presence wake-ups, nits (the issue caps it at 100).</summary>
        public int NightNits = 80;

        /// <summary>Brightness cap at night, nits.</summary>
        public int NightCapNits = 100;

        /// <summary>Panel supply voltage (OLED VCC), mV.</summary>
        public int PanelSupplyMillivolts = 12000;

        /// <summary>Panel current for a full-white frame at maximum contrast, µA (assumption: 1.2 W at 12 V for a high-brightness module).</summary>
        public int PanelFullWhiteMicroamps = 100000;

        /// <summary>The rest of the board (ESP32 with Wi-Fi in modem sleep, sensors, regulator losses), mW.</summary>
        public int ElectronicsMilliwatts = 150;

        /// <summary>Share of lit pixels assumed for the always-on baseline before any page was drawn, per mille.</summary>
        public int TypicalLitPermille = 200;
    }
}
