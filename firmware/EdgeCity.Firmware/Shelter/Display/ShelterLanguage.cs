namespace EdgeCity.Firmware.Shelter.Display
{
    /// <summary>The display's rotation languages, in rotation order.</summary>
    public enum ShelterLanguage
    {
        /// <summary>한국어.</summary>
        Korean = 0,

        /// <summary>English.</summary>
        English = 1,

        /// <summary>中文 (simplified).</summary>
        Chinese = 2,

        /// <summary>日本語.</summary>
        Japanese = 3,
    }
}
