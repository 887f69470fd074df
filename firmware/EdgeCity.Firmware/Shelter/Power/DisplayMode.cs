namespace EdgeCity.Firmware.Shelter.Power
{
    /// <summary>What the display does, as decided by <see cref="DisplayPowerPolicy"/>.</summary>
    public enum DisplayMode
    {
        /// <summary>Panel off (controller asleep): night without anyone near, or outside service hours.</summary>
        Off = 0,

        /// <summary>Daylight in service hours: arrivals at a brightness that follows the ambient light.</summary>
        Day = 1,

        /// <summary>Dark, in service hours, someone near: arrivals at the night brightness.</summary>
        Night = 2,

        /// <summary>Outside service hours, someone near: the first bus, at the night brightness.</summary>
        ServiceEnded = 3,
    }
}
