namespace EdgeCity.Firmware.Shelter.Display
{
    /// <summary>The display's health as the board judges it from the panel current.</summary>
    public enum DisplayHealth
    {
        /// <summary>The panel draws what the frames it was sent should make it draw.</summary>
        Ok = 0,

        /// <summary>The panel draws (almost) nothing although it should be lit: controller dead, unpowered or unplugged.</summary>
        NoAnswer = 1,

        /// <summary>The panel's current does not follow what it is sent: the controller ignores writes (frozen picture).</summary>
        Stuck = 2,
    }
}
